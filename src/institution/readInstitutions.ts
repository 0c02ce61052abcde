import { array, object, oneOf, optional, str, minLength, maxLength, withDefault, type Read } from '../_lib/read';
import { pure } from '../_lib/pure';
import { ID_MAX_LENGTH, LEVELS, OWNERSHIPS, type Institution, type Region } from './schema';

/*
 * RegionSchema and InstitutionSchema (./schema.ts) as readers (../_lib/read.ts), for the engine and
 * the policy reader: the same output and messages without zod (a differential test holds them to
 * the schemas). cleanInstitutions stays the fast path for clean institutions.
 */

const regionName = /* @__PURE__ */ str({ trim: true }, minLength(1, 'expected a non-empty region name'));

/** A region as RegionSchema reads it. @internal */
export const readRegion: Read<Region> = /* @__PURE__ */ pure(() => object({ province: optional(regionName), city: optional(regionName), county: optional(regionName) }) as Read<Region>);

/** An institution as InstitutionSchema reads it. @internal */
export const readInstitution: Read<Institution> = /* @__PURE__ */ pure(
  () =>
    object({
      id: str({}, minLength(1, 'expected a non-empty institution id'), maxLength(ID_MAX_LENGTH, `expected an id of at most ${ID_MAX_LENGTH} characters`)),
      name: optional(str()),
      level: oneOf(LEVELS),
      ownership: oneOf(OWNERSHIPS),
      region: withDefault(readRegion, () => ({})),
    }) as Read<Institution>,
);

/** Institutions as `z.array(InstitutionSchema)` reads them. @internal */
export const readInstitutions: Read<Institution[]> = /* @__PURE__ */ pure(() => array(readInstitution));
