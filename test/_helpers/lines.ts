import type { InstitutionInput, PurchaseLineInput } from '../../src/index';

/** A purchase line with sensible defaults: a coded drug bought on the platform on 2024-01-15. */
export function line(overrides: Partial<PurchaseLineInput> & { institutionId: string; amount: PurchaseLineInput['amount'] }): PurchaseLineInput {
  return {
    receivedOn: '2024-01-15',
    category: 'drug',
    channel: 'platform',
    insuranceCode: 'XA01',
    ...overrides,
  };
}

export function inst(id: string, level: InstitutionInput['level'], ownership: InstitutionInput['ownership'] = 'public', region: InstitutionInput['region'] = {}): InstitutionInput {
  return { id, level, ownership, region };
}
