import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  checkAssessedLevel,
  deriveIndicators,
  derivePrompts,
  findRiskInstrument,
  normaliseAnswers,
  scoreAnswers,
  validateAnswers,
  type RiskAnswers,
  type RiskInstrument,
} from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { unprocessable } from '../../common/http/domain-error';
import { displayNames } from '../identity/user-directory';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccessService } from '../cases/case-access.service';
import { personRolesOf, saveCase } from '../cases/case-directory';
import { TimelineService } from '../cases/timeline.service';
import { CaseKeysService } from '../crypto/case-keys.service';
import type { CreateRiskAssessmentDto } from './dto/risk-assessment.dto';
import { RiskAssessment } from './risk-assessment.entity';

const ANSWERS = 'risk_assessments.answers';
const RATIONALE = 'risk_assessments.level_rationale';
/** More would only repeat the same mistake; the client fixes these first. */
const MAX_DETAILS = 100;

const invalid = (details: { field: string; message: string }[]) =>
  new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: `Invalid request: ${[...new Set(details.map((d) => d.field))].join(', ')}`,
    details,
  });

@Injectable()
export class RiskAssessmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly caseKeys: CaseKeysService,
    private readonly timeline: TimelineService,
    private readonly accessLog: AccessLogService,
  ) {}

  /**
   * Stores an assessment with what the domain derives from it (indicators, prompts and, for a
   * scored instrument only, score and suggested level), makes its level the case's current risk
   * level and writes the timeline, in one transaction.
   */
  async create(user: AuthenticatedUser, caseId: string, dto: CreateRiskAssessmentDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      this.cases.assertCan(user, 'create', 'RiskAssessment', ctx);
      this.cases.assertOpen(ctx);

      // Every 400 problem at once: the instrument, the person, each answer, the violence pattern.
      const details: { field: string; message: string }[] = [];
      const instrument = findRiskInstrument(dto.instrument, dto.version);
      if (!instrument) details.push({ field: 'instrument', message: `no instrument ${dto.instrument} version ${dto.version} (see GET /risk-instruments)` });
      const persons = await personRolesOf(m, caseId);
      // api.md's body names no person: an assessment without one is about the (first) victim.
      const personId = dto.personId ?? persons.find((p) => p.role === 'VICTIM')?.id ?? persons[0]?.id;
      if (!persons.some((p) => p.id === personId)) details.push({ field: 'personId', message: 'personId must be a person of this case' });
      const childIds = persons.filter((p) => p.role === 'CHILD').map((p) => p.id);
      const violencePattern = dto.violencePattern ?? null;
      if (instrument) {
        for (const p of validateAnswers(instrument, dto.answers, { childIds }))
          details.push({ field: p.path ? `answers.${p.path}` : 'answers', message: p.message });
        if (violencePattern && !instrument.violencePatterns.some((p) => p.value === violencePattern)) {
          details.push({ field: 'violencePattern', message: `${instrument.key} version ${instrument.version} records no violence pattern ${violencePattern}` });
        }
      }
      if (details.length || !instrument) throw invalid(details.slice(0, MAX_DETAILS));

      const answers = normaliseAnswers(instrument, dto.answers);
      const { score, suggestedLevel } = scoreAnswers(instrument, answers);
      const levelRationale = dto.levelRationale?.trim() || null;
      if (checkAssessedLevel(dto.level, suggestedLevel, levelRationale)) {
        throw unprocessable('LEVEL_RATIONALE_REQUIRED', `The instrument suggests at least ${suggestedLevel}: explain why the risk is ${dto.level}`, {
          suggestedLevel,
          score,
        });
      }

      // Answers (with their notes and sources) and the rationale are free text under the case's data key.
      const cipher = await this.caseKeys.cipher(caseId, m);
      const repo = m.getRepository(RiskAssessment);
      const a = await repo.save(
        repo.create({
          caseId,
          personId: personId!,
          instrumentKey: instrument.key,
          instrumentVersion: instrument.version,
          answers: cipher.seal(JSON.stringify(answers), ANSWERS),
          indicators: deriveIndicators(instrument, answers),
          prompts: derivePrompts(instrument, answers, { hasChildren: childIds.length > 0, violencePattern }),
          score,
          suggestedLevel,
          level: dto.level,
          levelRationale: cipher.sealNullable(levelRationale, RATIONALE),
          violencePattern,
          assessedBy: user.id,
          assessedAgencyId: user.agencyId,
        }),
      );

      // The case's current risk level is that of its latest assessment.
      const previousLevel = ctx.record.riskLevel;
      ctx.record.riskLevel = a.level;
      await saveCase(m, ctx.record);
      // The timeline says who assessed whom with what and the resulting level, never the answers.
      await this.timeline.record(m, caseId, user, 'RISK_ASSESSED', {
        assessmentId: a.id,
        personId: a.personId,
        instrument: a.instrumentKey,
        version: a.instrumentVersion,
        level: a.level,
        previousLevel,
      });
      return this.view(a, instrument, answers, levelRationale);
    });
  }

  /** Every assessment of the case (optionally of one person), oldest first, so a person's history reads in order. */
  async list(user: AuthenticatedUser, caseId: string, personId?: string) {
    const ctx = await this.cases.load(user, caseId);
    this.cases.assertCan(user, 'read', 'RiskAssessment', ctx);
    const rows = await this.ds.getRepository(RiskAssessment).find({
      where: { caseId, ...(personId ? { personId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    await this.accessLog.record(user, caseId, 'RISK_ASSESSMENTS');
    const names = await displayNames(
      this.ds,
      rows.map((a) => a.assessedBy),
    );
    const cipher = await this.caseKeys.cipher(caseId);
    return {
      items: rows.map((a) => ({
        ...this.view(
          a,
          findRiskInstrument(a.instrumentKey, a.instrumentVersion),
          JSON.parse(cipher.open(a.answers, ANSWERS) ?? '{}') as RiskAnswers,
          cipher.open(a.levelRationale, RATIONALE),
        ),
        assessedByName: names.get(a.assessedBy) ?? null,
      })),
    };
  }

  private view(a: RiskAssessment, instrument: RiskInstrument | null, answers: RiskAnswers, levelRationale: string | null) {
    return {
      id: a.id,
      caseId: a.caseId,
      personId: a.personId,
      instrument: a.instrumentKey,
      version: a.instrumentVersion,
      answers,
      indicators: a.indicators,
      prompts: a.prompts,
      // Only an instrument with validated scoring has a score; the others never show one.
      ...(instrument?.scoring ? { score: a.score, suggestedLevel: a.suggestedLevel } : {}),
      level: a.level,
      levelRationale,
      violencePattern: a.violencePattern,
      assessedBy: a.assessedBy,
      assessedAgencyId: a.assessedAgencyId,
      createdAt: a.createdAt.toISOString(),
    };
  }
}
