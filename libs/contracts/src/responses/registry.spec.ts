import { checkResponse, contractJsonSchemas, RESPONSE_CONTRACTS } from './registry';

const agency = {
  id: '0b6c5f8e-1d2a-4c3b-9e4f-5a6b7c8d9e0f',
  name: 'CAW Brussel',
  type: 'CAW',
  district: 'Brussel',
  active: true,
  emergencyService: false,
  version: 1,
  createdAt: '2026-01-10T09:00:00.000Z',
};

describe('response contracts', () => {
  it('refuse a field the contract does not name, a missing one and a wrong enum value', () => {
    expect(checkResponse('Agency', agency).success).toBe(true);
    expect(checkResponse('Agency', { ...agency, secret: 'x' }).success).toBe(false);
    const { district: _d, ...withoutDistrict } = agency;
    expect(checkResponse('Agency', withoutDistrict).success).toBe(false);
    expect(checkResponse('Agency', { ...agency, type: 'BAKERY' }).success).toBe(false);
  });

  it('render as OpenAPI 3.0 schemas whose references all resolve to a contract', () => {
    const schemas = contractJsonSchemas();
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(RESPONSE_CONTRACTS).sort());
    const text = JSON.stringify(schemas);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([A-Za-z0-9]+)"/g)) expect(schemas).toHaveProperty([name!]);
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('"$id"');
    expect(schemas.AgencyPage).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Agency' } }, nextCursor: { type: 'string', nullable: true } },
    });
    expect(schemas.Agency).toMatchObject({ properties: { id: { type: 'string', format: 'uuid' }, createdAt: { type: 'string', format: 'date-time' } } });
    expect((schemas.Agency as { properties: { id: Record<string, unknown> } }).properties.id).not.toHaveProperty('pattern');
  });
});
