export { checkTargets, type CheckTargetsOptions, type TargetCheck } from './checkTargets';
export { formatShortfall } from './formatShortfall';
