import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

describe('public API', () => {
  it('exports exactly the names of DESIGN.md and the schemas and constants documented with them', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "AmountSchema",
        "CATEGORIES",
        "CATEGORY_LABELS",
        "CHANNELS",
        "CHANNEL_LABELS",
        "CONSUMABLE_KINDS",
        "CategorySchema",
        "DRUG_KINDS",
        "DeadlineRuleSchema",
        "EXCLUSION_LABELS",
        "EXCLUSION_REASONS",
        "GoalSchema",
        "InstitutionSchema",
        "LEVELS",
        "LEVEL_LABELS",
        "MEASURES",
        "MEASURE_IDS",
        "OWNERSHIPS",
        "OWNERSHIP_LABELS",
        "OnlinePurchaseRateInputSchema",
        "POLICIES",
        "PRODUCT_KINDS",
        "PolicySchema",
        "ProductKindSchema",
        "PurchaseLineSchema",
        "RegionSchema",
        "SECONDARY_AND_ABOVE",
        "SunshineInputError",
        "TargetSchema",
        "VbpParametersSchema",
        "aggregateRates",
        "checkTargets",
        "definePolicy",
        "formatRate",
        "getPolicy",
        "measureOnlineRates",
        "onlinePurchaseRate",
      ]
    `);
  });
});
