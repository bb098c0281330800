/**
 * The offline mock of the hub's specs: one state per (hub, spec) in `<data>/mock/`, written
 * durably; requests to one spec are handled one at a time so none is lost. No port is opened and
 * nothing is sent anywhere: the mock is a function of the spec, the state and the request.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MockOverview, MockSendResult } from '../../core/api/mockApi';
import { exerciseStatus } from '../../core/mock/exercises';
import { ApiError } from '../../core/api/result';
import { checkResponse, handleMockRequest, withJournal } from '../../core/mock/engine';
import { type MockModel, buildMockModel } from '../../core/mock/model';
import { type MockRequest, type MockState, emptyMockState, isMockState } from '../../core/mock/types';
import { diskProblem, errorCode, writeFileDurable } from '../store/durableWrite';

/** Reads a spec's text (the hub's `spec`). */
export type SpecSource = (specPath: string) => Promise<{ source: string }>;

/** What the service needs from its host. */
export type MockServiceOptions = {
  dataDir: string;
  source: SpecSource;
  /** Identifies the open hub (its root folder): states of different hubs never mix. */
  hubKey: () => string;
  /** The clock, for timestamps (tests pin it). */
  now?: () => Date;
  warn?: (message: string, detail?: unknown) => void;
  /** Records a completed exercise step as progress on its operation's topic (`<spec>#<slug>`). */
  stepDone?: (topicId: string) => Promise<void>;
};

/** What the state file holds. */
type StateFile = { hub: string; spec: string; state: MockState };

/** The mock of every spec of the open hub. */
export class MockService {
  private readonly models = new Map<string, { source: string; model: MockModel }>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: MockServiceOptions) {}

  /** The folder the states are kept in. */
  get folder(): string {
    return path.join(this.options.dataDir, 'mock');
  }

  /** The state file of a spec of the open hub. */
  stateFile(specPath: string): string {
    const id = createHash('sha256').update(`${this.options.hubKey()}\u0000${specPath}`).digest('hex').slice(0, 32);
    return path.join(this.folder, `${id}.json`);
  }

  /** Sends one request to the mock of `specPath`. */
  send(specPath: string, request: MockRequest): Promise<MockSendResult> {
    return this.serial(specPath, async () => {
      const model = await this.model(specPath);
      const file = this.stateFile(specPath);
      const state = await this.readState(file);
      const started = performance.now();
      const outcome = handleMockRequest(model, state, request, { now: (this.options.now?.() ?? new Date()).toISOString() });
      const timingMs = Math.round((performance.now() - started) * 100) / 100;
      // A read that showed the learner's own resources is journaled for exercises.
      const after = outcome.seen === undefined ? outcome.state : withJournal(outcome.state, outcome.seen);
      if (outcome.changed || after !== outcome.state) {
        await this.writeState(file, specPath, after);
      }
      const op = model.operations.find((o) => o.slug === outcome.response.operation);
      const stepsDone = after === state ? [] : await this.recordSteps(specPath, model, state, after);
      return {
        response: outcome.response,
        timingMs,
        problems: op?.problems ?? [],
        responseProblems: checkResponse(model, outcome.response),
        stepsDone,
      };
    });
  }

  /** Why each operation is not mocked in full, and the exercises with their steps' status. */
  overview(specPath: string): Promise<MockOverview> {
    return this.serial(specPath, async () => {
      const model = await this.model(specPath);
      const state = await this.readState(this.stateFile(specPath));
      const problems: Record<string, string[]> = {};
      for (const op of model.operations) {
        if (op.problems.length > 0) {
          problems[op.slug] = [...op.problems];
        }
      }
      return { problems, exercises: exerciseStatus(model, state) };
    });
  }

  /** Steps done after a request and not before: recorded as progress on their topics. */
  private async recordSteps(specPath: string, model: MockModel, before: MockState, after: MockState): Promise<string[]> {
    const was = new Set(exerciseStatus(model, before).flatMap((e) => e.steps.filter((s) => s.done).map((s) => `${e.id}\u0000${s.op}`)));
    const now = exerciseStatus(model, after).flatMap((e) => e.steps.filter((s) => s.done && !was.has(`${e.id}\u0000${s.op}`)));
    for (const step of now) {
      try {
        await this.options.stepDone?.(`${specPath}#${step.op}`);
      } catch (e) {
        this.options.warn?.('an exercise step could not be recorded as progress', e);
      }
    }
    return now.map((s) => s.title);
  }

  /** Forgets what was created in the mock of `specPath`. `cleared` is false when there was nothing. */
  reset(specPath: string): Promise<{ path: string; cleared: boolean }> {
    return this.serial(specPath, async () => {
      await this.model(specPath);
      const file = this.stateFile(specPath);
      const existed = await readFile(file, 'utf8').then(
        () => true,
        () => false,
      );
      await rm(file, { force: true }).catch((e: unknown) => {
        throw new ApiError('io', `The mock's data could not be removed: ${diskProblem(e) ?? errorCode(e)}.`);
      });
      return { path: specPath, cleared: existed };
    });
  }

  private serial<T>(specPath: string, job: () => Promise<T>): Promise<T> {
    const key = this.stateFile(specPath);
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(job, job);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) {
        this.queues.delete(key);
      }
    });
    return run;
  }

  private async model(specPath: string): Promise<MockModel> {
    const { source } = await this.options.source(specPath);
    const key = `${this.options.hubKey()}\u0000${specPath}`;
    const cached = this.models.get(key);
    if (cached !== undefined && cached.source === source) {
      return cached.model;
    }
    const read = buildMockModel(specPath, source);
    if (!read.ok) {
      throw new ApiError('unavailable', read.message);
    }
    this.models.set(key, { source, model: read.model });
    return read.model;
  }

  private async readState(file: string): Promise<MockState> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') {
        this.options.warn?.('mock state could not be read; starting empty', e);
      }
      return emptyMockState();
    }
    try {
      const parsed = JSON.parse(text) as Partial<StateFile>;
      if (isMockState(parsed.state)) {
        return parsed.state;
      }
    } catch {
      // Falls through: a damaged file starts over.
    }
    this.options.warn?.('mock state is damaged; starting empty', { file });
    return emptyMockState();
  }

  private async writeState(file: string, specPath: string, state: MockState): Promise<void> {
    const content: StateFile = { hub: this.options.hubKey(), spec: specPath, state };
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileDurable(file, `${JSON.stringify(content)}\n`);
    } catch (e) {
      throw new ApiError('io', `The mock's data could not be saved: ${diskProblem(e) ?? errorCode(e)}.`);
    }
  }
}
