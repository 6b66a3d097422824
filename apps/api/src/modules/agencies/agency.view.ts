import type { Agency } from './agency.entity';

export const agencyView = (a: Agency) => ({
  id: a.id,
  name: a.name,
  type: a.type,
  district: a.district,
  active: a.active,
  emergencyService: a.emergencyService,
  version: a.version,
  createdAt: a.createdAt.toISOString(),
});
