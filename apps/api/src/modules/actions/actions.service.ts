import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ResponseOf } from '@schakel/contracts';
import { addDays, type Measure, type Stage, stageAfterEvaluation, todayInBrussels } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict, DomainError, unprocessable } from '../../common/http/domain-error';
import { asSubject } from '@schakel/authz';
import { displayNames } from '../identity/user-directory';
import { CaseAccessService, teamIds, type CaseContext } from '../cases/case-access.service';
import { saveCase } from '../cases/case-directory';
import { TIMELINE_DESCRIPTION, TimelineService } from '../cases/timeline.service';
import type { CaseCipher } from '../crypto/case-cipher';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CaseAction } from './case-action.entity';
import type { CreateActionDto, CreateEvaluationDto, UpdateActionDto } from './dto/action.dto';
import { Evaluation } from './evaluation.entity';
import { EscalationService, type EscalationOutcome } from '../conferences/escalation.service';
import { NotificationsService } from '../notifications/notifications.service';

// Descriptions and summaries are free text under the case's data key (ADR 0009).
const DESCRIPTION = 'actions.description';
const SUMMARY = 'evaluations.summary';

const actionView = (a: CaseAction, cipher: CaseCipher) => ({
  id: a.id,
  caseId: a.caseId,
  description: cipher.open(a.description, DESCRIPTION),
  ownerAgencyId: a.ownerAgencyId,
  dueDate: a.dueDate,
  measure: a.measure,
  status: a.status,
  createdBy: a.createdBy,
  version: a.version,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** How the timeline names an action: the start of its description (the plan is visible to the same case agencies). */
function actionTitle(description: string): string {
  const line = description.split(/\r?\n/)[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly timeline: TimelineService,
    private readonly caseKeys: CaseKeysService,
    private readonly escalation: EscalationService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.cases.load(user, caseId);
    this.cases.assertCan(user, 'read', 'Action', ctx);
    const rows = await this.ds.getRepository(CaseAction).find({ where: { caseId }, order: { dueDate: 'ASC', createdAt: 'ASC' } });
    const cipher = await this.caseKeys.cipher(caseId);
    return { items: rows.map((a) => actionView(a, cipher)) };
  }

  async create(user: AuthenticatedUser, caseId: string, dto: CreateActionDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      this.cases.assertCan(user, 'create', 'Action', ctx);
      this.cases.assertOpen(ctx);
      this.requireCaseAgency(ctx, dto.ownerAgencyId);
      const cipher = await this.caseKeys.cipher(caseId, m);
      const repo = m.getRepository(CaseAction);
      const a = await repo.save(
        repo.create({
          caseId,
          description: cipher.seal(dto.description, DESCRIPTION),
          ownerAgencyId: dto.ownerAgencyId,
          dueDate: dto.dueDate,
          measure: dto.measure,
          status: 'OPEN',
          createdBy: user.id,
        }),
      );
      await this.timeline.record(m, caseId, user, 'ACTION_CREATED', {
        actionId: a.id,
        ownerAgencyId: a.ownerAgencyId,
        measure: a.measure,
        dueDate: a.dueDate,
        description: cipher.seal(actionTitle(dto.description), TIMELINE_DESCRIPTION),
      });
      return actionView(a, cipher);
    });
  }

  async update(user: AuthenticatedUser, caseId: string, actionId: string, dto: UpdateActionDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m);
      this.cases.assertCan(user, 'read', 'Action', ctx);
      this.cases.assertOpen(ctx);
      const repo = m.getRepository(CaseAction);
      const a = await repo.findOne({ where: { id: actionId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw new NotFoundException('No such action');
      // Only the owning agency and the case team change an action (completing one lifts the evaluation guard).
      if (
        !user.ability.can(
          'update',
          asSubject('Action', { caseAgencyIds: ctx.agencyIds, ownerAgencyId: a.ownerAgencyId, caseTeamIds: teamIds(ctx.record.directorId, ctx.deputyIds) }),
        )
      ) {
        throw new DomainError(403, 'NOT_ACTION_OWNER', 'Only the agency that owns this action and the case team can change it', {
          actionId,
          ownerAgencyId: a.ownerAgencyId,
        });
      }
      if (dto.version !== undefined && a.version !== dto.version)
        throw conflict('STALE_VERSION', 'This action was changed by someone else; reload it', { currentVersion: a.version });
      if (dto.ownerAgencyId) this.requireCaseAgency(ctx, dto.ownerAgencyId);
      const before = { status: a.status, dueDate: a.dueDate, ownerAgencyId: a.ownerAgencyId };
      const cipher = await this.caseKeys.cipher(caseId, m);
      Object.assign(
        a,
        Object.fromEntries(
          Object.entries({
            description: dto.description === undefined ? undefined : cipher.seal(dto.description, DESCRIPTION),
            ownerAgencyId: dto.ownerAgencyId,
            dueDate: dto.dueDate,
            measure: dto.measure,
            status: dto.status,
          }).filter(([, v]) => v !== undefined),
        ),
      );
      const saved = await repo.save(a);
      await this.timeline.record(m, caseId, user, 'ACTION_UPDATED', {
        actionId,
        measure: saved.measure,
        description: cipher.seal(actionTitle(cipher.open(saved.description, DESCRIPTION) ?? ''), TIMELINE_DESCRIPTION),
        before,
        after: { status: saved.status, dueDate: saved.dueDate, ownerAgencyId: saved.ownerAgencyId },
      });
      return actionView(saved, cipher);
    });
  }

  async evaluations(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.cases.load(user, caseId);
    this.cases.assertCan(user, 'read', 'Action', ctx);
    const rows = await this.ds.getRepository(Evaluation).find({ where: { caseId }, order: { createdAt: 'ASC' } });
    const names = await displayNames(
      this.ds,
      rows.map((e) => e.createdBy),
    );
    const cipher = await this.caseKeys.cipher(caseId);
    return {
      items: rows.map((e) => ({
        id: e.id,
        caseId,
        outcome: e.outcome,
        summary: cipher.open(e.summary, SUMMARY),
        riskAssessmentId: e.riskAssessmentId,
        createdBy: e.createdBy,
        createdByName: names.get(e.createdBy) ?? null,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  }

  /** An evaluation; CONTINUE and ESCALATE send the case back to case direction, CLOSE allows closing it. */
  async evaluate(user: AuthenticatedUser, caseId: string, dto: CreateEvaluationDto): Promise<ResponseOf<'RecordedEvaluation'>> {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'evaluate', m, true);
      this.cases.assertOpen(ctx);
      if (ctx.record.stage !== 'EVALUATIE')
        throw conflict('WRONG_STAGE', 'A case is evaluated in the evaluation stage (EVALUATIE)', { stage: ctx.record.stage });
      const cipher = await this.caseKeys.cipher(caseId, m);
      const repo = m.getRepository(Evaluation);
      const e = await repo.save(
        repo.create({
          caseId,
          outcome: dto.outcome,
          summary: cipher.seal(dto.summary, SUMMARY),
          riskAssessmentId: dto.riskAssessmentId ?? null,
          createdBy: user.id,
        }),
      );
      await this.timeline.record(m, caseId, user, 'EVALUATION', { evaluationId: e.id, outcome: e.outcome }, dto.summary);
      const next = stageAfterEvaluation(dto.outcome);
      let stage: Stage = ctx.record.stage;
      if (next) {
        const c = ctx.record;
        c.stage = next;
        c.stageEnteredAt = new Date();
        await saveCase(m, c);
        await this.timeline.record(m, caseId, user, 'TRANSITION', { from: 'EVALUATIE', to: next, evaluationId: e.id }, `evaluation: ${dto.outcome}`);
        stage = next;
      }
      const escalation = dto.outcome === 'ESCALATE' ? await this.escalate(m, user, ctx) : null;
      return {
        id: e.id,
        caseId,
        outcome: e.outcome,
        summary: dto.summary,
        riskAssessmentId: e.riskAssessmentId,
        createdAt: e.createdAt.toISOString(),
        caseStage: stage,
        escalation,
      };
    });
  }

  /**
   * ESCALATE, unlike CONTINUE, brings the case back to the table: onto the agenda of the team's next
   * scheduled conference, or, when none is planned, flagged for an urgent conference (the team and
   * the case agencies' directors are told).
   */
  private async escalate(m: EntityManager, user: AuthenticatedUser, ctx: CaseContext): Promise<EscalationOutcome> {
    const team = teamIds(ctx.record.directorId, ctx.deputyIds);
    const outcome = await this.escalation.putOnNextAgenda(m, ctx.record.id, ctx.record.protocolId, team);
    if (outcome.kind === 'URGENT_CONFERENCE_REQUESTED') {
      ctx.record.urgentConferenceRequestedAt = new Date();
      await saveCase(m, ctx.record);
      await this.notifications.notify(
        m,
        team.filter((id) => id !== user.id),
        { type: 'URGENT_CONFERENCE_REQUESTED', caseId: ctx.record.id, caseReference: ctx.record.reference },
      );
    }
    await this.timeline.record(m, ctx.record.id, user, 'ESCALATED', { ...outcome });
    return outcome;
  }

  /**
   * What needs attention: open actions of the caller's agency that are overdue or due within a week,
   * and, for a case director, cases of theirs in execution with an action past its due date (time to
   * evaluate). References, measures and dates only: no content.
   */
  async reminders(user: AuthenticatedUser) {
    const today = todayInBrussels();
    const soon = addDays(today, 7);
    const actions: { case_id: string; reference: string; action_id: string; measure: Measure; due_date: string }[] = await this.ds.query(
      `SELECT a.case_id, c.reference, a.id AS action_id, a.measure, to_char(a.due_date, 'YYYY-MM-DD') AS due_date
       FROM actions a JOIN cases c ON c.id = a.case_id
       WHERE a.status = 'OPEN' AND a.owner_agency_id = $1 AND a.due_date <= $2::date AND c.stage <> 'AFGESLOTEN'
         AND EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = $1)
       ORDER BY a.due_date, c.reference LIMIT 200`,
      [user.agencyId, soon],
    );
    const evaluations: { case_id: string; reference: string }[] = user.roles.includes('case_director')
      ? await this.ds.query(
          `SELECT c.id AS case_id, c.reference FROM cases c
       WHERE (c.director_id = $1 OR EXISTS (SELECT 1 FROM case_team_members t WHERE t.case_id = c.id AND t.user_id = $1)) AND c.stage = 'UITVOERING'
         AND EXISTS (SELECT 1 FROM actions a WHERE a.case_id = c.id AND (a.status = 'DONE' OR (a.status = 'OPEN' AND a.due_date <= $2::date)))
       ORDER BY c.reference LIMIT 200`,
          [user.id, today],
        )
      : [];
    return {
      actions: actions.map((a) => ({
        caseId: a.case_id,
        reference: a.reference,
        actionId: a.action_id,
        measure: a.measure,
        dueDate: a.due_date,
        overdue: a.due_date < today,
      })),
      evaluationsDue: evaluations.map((e) => ({ caseId: e.case_id, reference: e.reference })),
    };
  }

  private requireCaseAgency(ctx: CaseContext, agencyId: string): void {
    if (!ctx.agencyIds.includes(agencyId)) throw unprocessable('AGENCY_NOT_IN_CASE', 'The owning agency must be part of the case', { agencyIds: [agencyId] });
  }
}
