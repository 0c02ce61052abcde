import * as z from 'zod/mini';
import { pure } from '../_lib/pure';

/**
 * Hospital grades (医院等级): tertiary (三级), secondary (二级), primary (一级) and unrated (未定级).
 *
 * @category Institutions
 * @example
 * LEVELS[0] //=> 'tertiary'
 */
export const LEVELS = ['tertiary', 'secondary', 'primary', 'unrated'] as const;
/** A hospital grade. */
export type Level = (typeof LEVELS)[number];

/**
 * Ownership: public (公立), military (军队; counted as public wherever a document
 * says 公立医疗机构（含军队医疗机构）), private (非公立).
 *
 * @category Institutions
 * @example
 * OWNERSHIPS //=> ['public', 'military', 'private']
 */
export const OWNERSHIPS = ['public', 'military', 'private'] as const;
/** An ownership type. */
export type Ownership = (typeof OWNERSHIPS)[number];

/**
 * Chinese and English labels of the levels.
 *
 * @category Institutions
 * @example
 * LEVEL_LABELS.secondary.label //=> '二级'
 */
export const LEVEL_LABELS = {
  tertiary: { label: '三级', labelEn: 'tertiary' },
  secondary: { label: '二级', labelEn: 'secondary' },
  primary: { label: '一级', labelEn: 'primary' },
  unrated: { label: '未定级', labelEn: 'unrated' },
} as const satisfies Record<Level, { label: string; labelEn: string }>;

/**
 * Chinese and English labels of the ownership types.
 *
 * @category Institutions
 * @example
 * OWNERSHIP_LABELS.military.label //=> '军队'
 */
export const OWNERSHIP_LABELS = {
  public: { label: '公立', labelEn: 'public' },
  military: { label: '军队', labelEn: 'military' },
  private: { label: '非公立', labelEn: 'private' },
} as const satisfies Record<Ownership, { label: string; labelEn: string }>;

const regionName = /* @__PURE__ */ pure(() => z.string().check(z.trim(), z.minLength(1, 'expected a non-empty region name')));

/** The longest institution id accepted (also read by cleanInstitutions). @internal */
export const ID_MAX_LENGTH = 200;

/**
 * Where an institution is: province (省), city (市) and county (县/区), each optional.
 *
 * @category Institutions
 * @example
 * RegionSchema.parse({ province: '江苏省', city: '南通市' }).city //=> '南通市'
 */
export const RegionSchema = /* @__PURE__ */ pure(() => z.object({
  province: z.optional(regionName),
  city: z.optional(regionName),
  county: z.optional(regionName),
}));
/** Where an institution is. */
export type Region = z.output<typeof RegionSchema>;

/**
 * A medical institution (医疗机构).
 *
 * @category Institutions
 * @example
 * InstitutionSchema.parse({ id: 'H01', level: 'tertiary', ownership: 'public', region: { city: '南通市' } }).level //=> 'tertiary'
 */
export const InstitutionSchema = /* @__PURE__ */ pure(() => z.object({
  id: z.string().check(z.minLength(1, 'expected a non-empty institution id'), z.maxLength(ID_MAX_LENGTH, `expected an id of at most ${ID_MAX_LENGTH} characters`)),
  name: z.optional(z.string()),
  level: z.enum(LEVELS),
  ownership: z.enum(OWNERSHIPS),
  region: z._default(RegionSchema, {}),
}));
/** A medical institution as callers pass it. */
export type InstitutionInput = z.input<typeof InstitutionSchema>;
/** A medical institution once validated. */
export type Institution = z.output<typeof InstitutionSchema>;
