export {
  InstitutionSchema,
  LEVELS,
  LEVEL_LABELS,
  OWNERSHIPS,
  OWNERSHIP_LABELS,
  RegionSchema,
  type Institution,
  type InstitutionInput,
  type Level,
  type Ownership,
  type Region,
} from './schema';
