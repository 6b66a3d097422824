import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { ResponseOf } from '@schakel/contracts';
import { RISK_INSTRUMENTS, findRiskInstrument, type RiskInstrument } from '@schakel/domain';
import { Authenticated } from '../../common/auth/authorize.decorator';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

/** The versioned instruments: definitions only, no case data, so any signed-in user may read them. */
@ApiTags('risk')
@Controller('risk-instruments')
export class RiskInstrumentsController {
  @Authenticated()
  @Get()
  @ApiContract('RiskInstrumentList', '`scoring` is true only for an instrument with validated scoring')
  list() {
    return { items: RISK_INSTRUMENTS.map((i) => ({ key: i.key, version: i.version, title: i.title, scoring: i.scoring !== null })) };
  }

  @Authenticated()
  @Get(':key/:version')
  @ApiContract(
    'RiskInstrument',
    'the full definition: sections and items, answer values and sources, violence patterns, and scoring (weights and thresholds) or null',
  )
  @ApiNotFoundResponse({ description: 'no instrument with that key and version' })
  detail(@Param('key') key: string, @Param('version') version: string) {
    const instrument = /^[1-9]\d{0,5}$/.test(version) ? findRiskInstrument(key, Number(version)) : null;
    if (!instrument) throw new NotFoundException('No such risk instrument');
    return riskInstrumentView(instrument);
  }
}

/** The domain's instrument (frozen, read-only arrays) as its contract: the same fields, in arrays of their own. */
export function riskInstrumentView(i: RiskInstrument): ResponseOf<'RiskInstrument'> {
  return {
    ...i,
    answerValues: [...i.answerValues],
    answerSources: [...i.answerSources],
    sections: i.sections.map((s) => ({
      ...s,
      items: s.items.map(({ promptsWhenYes, ...item }) => ({ ...item, ...(promptsWhenYes ? { promptsWhenYes: [...promptsWhenYes] } : {}) })),
    })),
    violencePatterns: i.violencePatterns.map((p) => ({ ...p, prompts: [...p.prompts] })),
    scoring: i.scoring && { ...i.scoring, weights: { ...i.scoring.weights }, thresholds: i.scoring.thresholds.map((t) => ({ ...t })) },
  };
}
