/**
 * The hand-read institutions of the line engine must be exactly what zod's InstitutionSchema
 * gives (same keys in the same order, a key kept when the input has it as undefined, trimmed
 * region names), and anything it is not sure of must go to zod, which words the errors.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { cleanInstitutions } from '../../src/institution/cleanInstitutions';
import { InstitutionSchema } from '../../src/institution/schema';

const ZodInstitutions = z.array(InstitutionSchema);
/** JSON that keeps key order and shows keys whose value is undefined. */
const shape = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));

/** A value: a clean one most of the time (weight 4), sometimes one zod refuses or changes. */
const mostly = <T, U>(clean: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: clean }, { weight: 1, arbitrary: other });
const regionName = mostly(fc.constantFrom('南通市', '崇川区', undefined), fc.constantFrom(' 南通市 ', '', '   ', 7, null));
const region = mostly(
  fc.oneof(fc.constant(undefined), fc.record({ province: regionName, city: regionName, county: regionName, other: fc.constant('x') }, { requiredKeys: [] })),
  fc.constantFrom(null, '南通市', Object.assign(Object.create(null) as object, { city: '南通市' })),
);
const institution = mostly(
  fc.record(
    {
      id: mostly(fc.constantFrom('H01', 'H02', 'x'.repeat(200)), fc.oneof(fc.constantFrom('', 'x'.repeat(201)), fc.integer())),
      name: mostly(fc.constantFrom('某医院', undefined), fc.constantFrom(null, 3)),
      level: mostly(fc.constantFrom('tertiary', 'secondary', 'primary', 'unrated'), fc.constantFrom('Tertiary', undefined)),
      ownership: mostly(fc.constantFrom('public', 'military', 'private'), fc.constant('state')),
      region,
      extra: fc.constant(1),
    },
    { requiredKeys: ['id', 'level', 'ownership'] },
  ),
  fc.constantFrom(null, 'H01', [], Object.assign(Object.create(null) as object, { id: 'H01', level: 'tertiary', ownership: 'public' })),
);

describe('cleanInstitutions', () => {
  it('reads clean institutions as zod does, keys in the schema order', () => {
    const input = [
      { ownership: 'public', level: 'tertiary', id: 'H01', extra: true },
      { id: 'H02', name: undefined, level: 'secondary', ownership: 'military', region: { county: ' 崇川区 ', city: '南通市', province: undefined, x: 1 } },
    ];
    // worked out from the schema: the extra keys dropped, region {} added, name kept as an
    // undefined key, region names trimmed and in the order province, city, county
    const expected = '[{"id":"H01","level":"tertiary","ownership":"public","region":{}},' +
      '{"id":"H02","name":"<undefined>","level":"secondary","ownership":"military","region":{"province":"<undefined>","city":"南通市","county":"崇川区"}}]';
    expect(shape(cleanInstitutions(input))).toBe(expected);
    expect(shape(ZodInstitutions.parse(input))).toBe(expected);
  });

  it('leaves to zod what it does not read, and otherwise gives what zod gives', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(institution, { maxLength: 4 }), (input) => {
        const zod = ZodInstitutions.safeParse(input);
        const clean = cleanInstitutions(input);
        if (clean === null || clean.length === 0) return;
        read++;
        expect(zod.success).toBe(true);
        expect(shape(clean)).toBe(shape(zod.data));
        // a fresh region object for each institution, as zod's default gives
        if (clean.length === 2) expect(clean[0]!.region).not.toBe(clean[1]!.region);
      }),
      { numRuns: 3000 },
    );
    // the property would hold trivially if nothing were read by hand (empty arrays not counted)
    expect(read).toBeGreaterThan(50); // about 90 in 3,000 runs
  });

  it('reads an id of 200 characters, and leaves longer ids and blank region names to zod', () => {
    const at = (x: object) => cleanInstitutions([{ id: 'H01', level: 'tertiary', ownership: 'public', ...x }]);
    // InstitutionSchema: ids of 1 to 200 characters; region names trimmed, then at least one character
    expect(at({ id: 'x'.repeat(200) })?.[0]?.id).toHaveLength(200);
    expect(at({ id: 'x'.repeat(201) })).toBeNull();
    expect(at({ region: { city: '   ' } })).toBeNull();
    expect(at({ region: { city: '' } })).toBeNull();
    expect(at({ region: { city: ' 南通市' } })?.[0]?.region).toEqual({ city: '南通市' });
  });

  it('trims region names (zod’s road, which the differential test above shares with cleanInstitutions)', () => {
    const parsed = InstitutionSchema.parse({ id: 'H01', level: 'tertiary', ownership: 'public', region: { province: ' 江苏省', city: '南通市 ', county: '\u3000崇川区' } });
    // String.prototype.trim removes the ideographic space U+3000 too
    expect(parsed.region).toEqual({ province: '江苏省', city: '南通市', county: '崇川区' });
    expect(InstitutionSchema.safeParse({ id: 'H01', level: 'tertiary', ownership: 'public', region: { city: '   ' } }).success).toBe(false);
  });

  it('leaves anything but an array to zod', () => {
    expect(cleanInstitutions(undefined)).toBeNull();
    expect(cleanInstitutions({ 0: { id: 'H01', level: 'tertiary', ownership: 'public' }, length: 1 })).toBeNull();
  });
});
