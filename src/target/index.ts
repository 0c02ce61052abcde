export { checkTargets, type CheckTargetsOptions, type TargetCheck } from './checkTargets';
