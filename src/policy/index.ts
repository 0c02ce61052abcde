export { POLICIES, definePolicy, getPolicy, isInForce, type GetPolicyOptions, type PolicyId } from './policies';
export { MEASURES, MEASURE_IDS, type MeasureDefinition, type MeasureId } from './measures';
export {
  DeadlineRuleSchema,
  GoalSchema,
  PolicySchema,
  TargetSchema,
  VbpParametersSchema,
  type Citation,
  type DeadlineRule,
  type Policy,
  type PolicyInput,
  type Target,
  type VbpParameters,
} from './schema';
