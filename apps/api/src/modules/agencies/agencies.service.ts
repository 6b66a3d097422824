import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { conflict } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import type { ListQueryDto } from '../../common/pagination/list-query.dto';
import { Agency } from './agency.entity';
import { agencyView } from './agency.view';
import type { CreateAgencyDto } from './dto/create-agency.dto';
import type { UpdateAgencyDto } from './dto/update-agency.dto';

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(q: ListQueryDto) {
    const { limit, cursor } = pageRequest(q);
    const qb = this.ds
      .getRepository(Agency)
      .createQueryBuilder('a')
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(limit + 1);
    if (cursor) qb.andWhere('(a.created_at, a.id) > (:k::timestamptz, :id::uuid)', { k: cursor.k, id: cursor.id });
    return toPage(await qb.getMany(), limit, (a) => ({ k: a.createdAt.toISOString(), id: a.id }), agencyView);
  }

  async get(id: string) {
    const a = await this.ds.getRepository(Agency).findOneBy({ id });
    if (!a) throw new NotFoundException('No such agency');
    return agencyView(a);
  }

  async create(dto: CreateAgencyDto) {
    const repo = this.ds.getRepository(Agency);
    return agencyView(
      await repo.save(
        repo.create({ name: dto.name.trim(), type: dto.type, district: dto.district.trim(), active: true, emergencyService: dto.emergencyService ?? false }),
      ),
    );
  }

  async update(id: string, dto: UpdateAgencyDto) {
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(Agency);
      const a = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw new NotFoundException('No such agency');
      if (dto.version !== undefined && a.version !== dto.version)
        throw conflict('STALE_VERSION', 'This agency was changed by someone else; reload it', { currentVersion: a.version });
      if (dto.name !== undefined) a.name = dto.name.trim();
      if (dto.type !== undefined) a.type = dto.type;
      if (dto.district !== undefined) a.district = dto.district.trim();
      if (dto.active !== undefined) a.active = dto.active;
      if (dto.emergencyService !== undefined) a.emergencyService = dto.emergencyService;
      return agencyView(await repo.save(a));
    });
  }
}
