import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { SourceRecord } from '../../core/model';
import { HOME_ROUTE } from '../routes';
import { describeCommitDate } from '../../core/offlineCopy/describeProvenance';
import { describeBundleSourceMatch, type BundleSourceMatch } from '../../core/offlineCopy/matchBundleSource';
import type { OfflineCopyImportFailure, OfflineCopyImportOutcome } from '../../core/offlineCopy/runOfflineCopyImport';
import { importOfflineCopy, inspectOfflineCopy, readPickedFile, type PickedOfflineCopy } from './offlineCopyClient';
import { takeOfflineCopyFiles } from './pendingOfflineCopy';
import './offlineCopy.css';

interface Props {
  sources: readonly SourceRecord[];
}

const NEW_SOURCE = '';

/**
 * Sources → "Import offline copy…": a Git bundle or a zip from a file picker, a drop onto the window or
 * the installed app's "open with". The person chooses whether it becomes a new source or updates one they
 * have. For a bundle the app first looks for the Git source of the same repository (by its commits, never
 * by name) and preselects it when exactly one is, saying why; otherwise, and for a zip, it says it was not
 * sure and the person picks. Then they see what changed, or why nothing did: a branch to pick, or an older
 * commit to confirm with both commits and dates in view.
 */
export function ImportOfflineCopyPanel({ sources }: Props) {
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<PickedOfflineCopy | undefined>();
  const [target, setTarget] = useState(NEW_SOURCE);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<OfflineCopyImportFailure | undefined>();
  const [done, setDone] = useState<Extract<OfflineCopyImportOutcome, { ok: true }> | undefined>();
  const [match, setMatch] = useState<BundleSourceMatch | undefined>();
  const [inspecting, setInspecting] = useState(false);
  /** The pick an inspection belongs to (a later pick outdates it) and whether the person chose a target since. */
  const pick = useRef({ serial: 0, chosen: false });

  const candidates = sources.filter((s) => s.kind !== 'bundled' && (picked?.kind === 'zip' || s.kind === 'git'));

  function choose(id: string) {
    pick.current.chosen = true;
    setTarget(id);
  }

  /** Looks for the source of the same repository; preselects it unless the person already chose. */
  async function inspect(copy: PickedOfflineCopy) {
    const gitSources = sources.filter((s) => s.kind === 'git');
    if (copy.kind !== 'bundle' || gitSources.length === 0) return;
    const serial = pick.current.serial;
    setInspecting(true);
    const found = await inspectOfflineCopy(copy.bytes, gitSources);
    if (serial !== pick.current.serial) return;
    setInspecting(false);
    setMatch(found);
    if (found?.kind === 'same' && !pick.current.chosen) setTarget(found.sourceId);
  }

  async function accept(file: File) {
    setProblem(undefined);
    setDone(undefined);
    setPicked(undefined);
    setMatch(undefined);
    setInspecting(false);
    pick.current = { serial: pick.current.serial + 1, chosen: false };
    try {
      const copy = await readPickedFile(file);
      setPicked(copy);
      setTarget(NEW_SOURCE);
      setName(copy.fileName.replace(/\.(bundle|zip)$/i, '') || 'Imported runbooks');
      void inspect(copy);
    } catch (error) {
      setProblem({ code: 'not-an-offline-copy', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const acceptOffered = useEffectEvent((file: File) => void accept(file));
  useEffect(() => takeOfflineCopyFiles(acceptOffered), []);

  async function run(choice: { branch?: string | undefined; allowOlder?: boolean | undefined } = {}) {
    if (!picked) return;
    setBusy(true);
    setProblem(undefined);
    const isNew = target === NEW_SOURCE;
    const outcome = await importOfflineCopy({
      sourceId: isNew ? `${picked.kind === 'bundle' ? 'git' : 'zip'}-${crypto.randomUUID().slice(0, 8)}` : target,
      newSource: isNew ? { name: name.trim() || picked.fileName } : undefined,
      fileName: picked.fileName,
      // A copy: the worker takes over the buffer it is sent, and a retry (branch, older commit) needs it again.
      bytes: picked.bytes.slice(),
      branch: choice.branch,
      allowOlder: choice.allowOlder,
    });
    setBusy(false);
    if (outcome.ok) {
      setDone(outcome);
      setPicked(undefined);
    } else {
      setProblem(outcome.error);
    }
  }

  const doneSource = done && sources.find((s) => s.id === done.sourceId);
  return (
    <section className="rr-source-form rr-offline-copy" aria-labelledby={headingId}>
      <h2 id={headingId}>Offline copy</h2>
      <p className="rr-muted rr-small">
        When the Git host is down, a colleague’s copy will do: a Git bundle (<code>git bundle create runbooks.bundle main</code>, or “Save
        offline copy” on their source) or a zip of the runbook folder. You can also drop the file onto this window.
      </p>
      <input
        ref={input}
        type="file"
        accept=".bundle,.zip,application/zip,application/x-git-bundle"
        className="rr-visually-hidden"
        aria-label="Offline copy file"
        data-testid="offline-copy-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void accept(file);
        }}
      />
      <button type="button" className="rr-button" onClick={() => input.current?.click()} disabled={busy}>
        Import offline copy…
      </button>

      {picked && (
        <fieldset className="rr-offline-choice" disabled={busy}>
          <legend>
            Import <strong>{picked.fileName}</strong> ({picked.kind === 'bundle' ? 'Git bundle' : 'zip'}) into
          </legend>
          <label className="rr-offline-option">
            {/* onClick too: a click on the option already selected is a choice as well (no change event). */}
            <input
              type="radio"
              name="rr-offline-target"
              checked={target === NEW_SOURCE}
              onChange={() => choose(NEW_SOURCE)}
              onClick={() => choose(NEW_SOURCE)}
            />
            a new source named
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-label="Name of the new source"
              onFocus={() => choose(NEW_SOURCE)}
            />
          </label>
          {candidates.map((source) => {
            const same = match?.kind === 'same' && match.sourceId === source.id;
            return (
              <label key={source.id} className="rr-offline-option">
                <input
                  type="radio"
                  name="rr-offline-target"
                  checked={target === source.id}
                  onChange={() => choose(source.id)}
                  onClick={() => choose(source.id)}
                  aria-describedby={same ? `${headingId}-why` : undefined}
                />
                update “{source.name}”{source.location && <code className="rr-small">{source.location}</code>}
                {same && (
                  <span id={`${headingId}-why`} className="rr-offline-why rr-small" data-testid="offline-copy-match">
                    {describeBundleSourceMatch(match)}
                  </span>
                )}
              </label>
            );
          })}
          <MatchNote kind={picked.kind} inspecting={inspecting} match={match} hasCandidates={candidates.length > 0} />
          <div className="rr-toolbar">
            <button type="button" className="rr-button rr-button-primary" onClick={() => void run()} disabled={inspecting}>
              {busy ? 'Importing…' : inspecting ? 'Checking…' : 'Import'}
            </button>
            <button type="button" className="rr-button" onClick={() => setPicked(undefined)}>
              Cancel
            </button>
          </div>
        </fieldset>
      )}

      {problem && <ImportProblem problem={problem} busy={busy} onChoose={(choice) => void run(choice)} canRetry={picked !== undefined} />}

      {done && (
        <p className="rr-notice rr-notice-ok" role="status">
          Imported {done.provenance.fileName} into “{doneSource?.name ?? done.sourceId}”: {done.applied.added} added, {done.applied.updated}{' '}
          updated, {done.applied.removed} removed. <Link to={HOME_ROUTE}>Open the library</Link>
        </p>
      )}
    </section>
  );
}

/**
 * Under the choice, when the app did not preselect a source: still looking, or why it was not sure. Nothing
 * when there is no source to update, or when one was found (its option says why).
 */
function MatchNote({
  kind,
  inspecting,
  match,
  hasCandidates,
}: {
  kind: PickedOfflineCopy['kind'];
  inspecting: boolean;
  match: BundleSourceMatch | undefined;
  hasCandidates: boolean;
}) {
  if (!hasCandidates || match?.kind === 'same') return null;
  let note: string | undefined;
  if (kind === 'zip') note = 'A zip holds files, not commits, so the app cannot tell which source it belongs to; choose one.';
  else if (inspecting) note = 'Looking for the source this copy belongs to…';
  else if (match) note = describeBundleSourceMatch(match);
  if (!note) return null;
  return (
    <p className="rr-muted rr-small" aria-live="polite" data-testid="offline-copy-match-note">
      {note}
    </p>
  );
}

/** Why nothing was imported, with the choice the person can make when there is one. */
function ImportProblem({
  problem,
  busy,
  canRetry,
  onChoose,
}: {
  problem: OfflineCopyImportFailure;
  busy: boolean;
  canRetry: boolean;
  onChoose: (choice: { branch?: string; allowOlder?: boolean }) => void;
}) {
  if (canRetry && problem.code === 'choose-branch' && problem.branches) {
    return (
      <div className="rr-notice rr-offline-question" role="alert">
        <p>The bundle holds several branches. Which one holds the runbooks?</p>
        <div className="rr-toolbar">
          {problem.branches.map((branch) => (
            <button key={branch} type="button" className="rr-button" disabled={busy} onClick={() => onChoose({ branch })}>
              {branch}
            </button>
          ))}
        </div>
      </div>
    );
  }
  if (canRetry && problem.code === 'older-commit' && problem.imported && problem.current) {
    return (
      <div className="rr-notice rr-notice-error" role="alert">
        <p>This copy is not newer than what you have. Nothing was changed yet.</p>
        <dl className="rr-offline-commits">
          <dt>In the file</dt>
          <dd>
            commit <code>{problem.imported.commit.slice(0, 7)}</code>, {describeCommitDate(problem.imported.committedAt)}
          </dd>
          <dt>On this device</dt>
          <dd>
            commit <code>{problem.current.commit.slice(0, 7)}</code>, {describeCommitDate(problem.current.committedAt)}
          </dd>
        </dl>
        <div className="rr-toolbar">
          <button type="button" className="rr-button rr-danger" disabled={busy} onClick={() => onChoose({ allowOlder: true })}>
            Use the file’s commit anyway
          </button>
        </div>
        <p className="rr-muted rr-small">Keeping what you have needs nothing: cancel above or pick another file.</p>
      </div>
    );
  }
  return (
    <p className="rr-notice rr-notice-error" role="alert">
      {problem.message}
    </p>
  );
}
