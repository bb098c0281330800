/** `progress.*`, `notes.*` and `study.*` handlers. */
import type { Handlers } from '../../core/api/contract';
import type { studySchemas } from '../../core/api/studyApi';
import type { BackendContext } from '../context';
import { exportStudy } from './exportFolder';
import type { StudyService } from './studyService';

/** Creates the study handlers over an open StudyService. */
export function createStudyHandlers(ctx: BackendContext, study: StudyService): Handlers<keyof typeof studySchemas> {
  return {
    'progress.get': () => Promise.resolve(study.progress()),
    'progress.set': ({ topicId, state }) => study.setState(topicId, state),
    'progress.setMany': ({ changes }) => study.setMany(changes),
    'progress.read': ({ topicId, seconds }) => study.read(topicId, seconds),
    'progress.reset': () => study.reset(),
    'progress.undoReset': () => study.undoReset(),
    'study.dashboard': () => Promise.resolve(study.dashboard()),
    'study.status': () => Promise.resolve(study.status()),
    'study.export': ({ folder }) => exportStudy(study, ctx.options.dataDir, folder),
    'notes.list': (q) => Promise.resolve(study.listNotes(q)),
    'notes.get': ({ id }) => Promise.resolve(study.getNote(id)),
    'notes.save': (note) => study.saveNote(note),
    'notes.delete': ({ id }) => study.deleteNote(id),
    'notes.trash': () => Promise.resolve(study.trash()),
    'notes.restore': ({ id }) => study.restoreNote(id),
  };
}
