import { useEffect, useMemo, useState } from 'react';
import type { CommandSpec, FlagSpec, SubcommandSpec } from '../../../kernel/index.js';
import { api } from './api.js';
import type { DashboardState } from './event-store.js';

type Values = Record<string, string | boolean>;

/** The line the form says: flags left empty (or off) are not sent, so the kernel's defaults apply. */
export function buildLine(sub: SubcommandSpec, positional: string, values: Values): string {
  const words = ['stresstest', sub.name];
  if (sub.positionalValues) words.push(positional || sub.positionalValues[0]!);
  for (const flag of sub.flags ?? []) {
    const value = values[flag.name];
    if (flag.kind === 'bool') {
      if (value === true) words.push(flag.name);
    } else if (typeof value === 'string' && value.trim() !== '') {
      words.push(flag.name, value.trim());
    }
  }
  return words.join(' ');
}

function FlagInput({ flag, value, onChange }: { flag: FlagSpec; value: string | boolean | undefined; onChange: (v: string | boolean) => void }) {
  const id = `flag${flag.name}`;
  if (flag.kind === 'bool') {
    return (
      <label className="flag" title={flag.help}>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {flag.name}
      </label>
    );
  }
  const range = flag.kind === 'int' ? `${flag.min}..${flag.max}${flag.unit ? ` ${flag.unit}` : ''}` : 'u64';
  return (
    <label className="flag" title={flag.help}>
      {flag.name} <small>{range}</small>
      <input
        id={id}
        name={flag.name}
        type={flag.kind === 'int' ? 'number' : 'text'}
        inputMode="numeric"
        {...(flag.kind === 'int' && { min: flag.min, max: flag.max, placeholder: flag.default === undefined ? '' : String(flag.default) })}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The run launcher: test, positional and flags from the kernel's grammar; Run and Cancel. */
export function Launcher({ state }: { state: DashboardState }) {
  const [grammar, setGrammar] = useState<readonly SubcommandSpec[]>([]);
  const [testName, setTestName] = useState('chaos');
  const [positional, setPositional] = useState('');
  const [values, setValues] = useState<Values>({});
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void api<{ commands: CommandSpec[] }>('/api/stress/grammar').then((r) => {
      if (r.ok) setGrammar(r.body.commands.find((c) => c.name === 'stresstest')?.subcommands ?? []);
    });
  }, []);
  const sub = grammar.find((s) => s.name === testName);
  const line = useMemo(() => (sub ? buildLine(sub, positional, values) : ''), [sub, positional, values]);

  async function run(): Promise<void> {
    const r = await api<{ id: string }>('/api/stress/run', { method: 'POST', body: { command: line } });
    setMessage(r.ok ? `started run ${r.body.id}` : `${r.status}: ${r.body.message}`);
  }
  async function cancel(): Promise<void> {
    const r = await api('/api/stress/cancel', { method: 'POST' });
    setMessage(r.ok ? 'cancel sent (Ctrl-C)' : `${r.status}: ${r.body.message}`);
  }

  return (
    <section className="panel launcher" data-testid="launcher">
      <h2>Run a test</h2>
      <label>
        test{' '}
        <select name="test" value={testName} onChange={(e) => { setTestName(e.target.value); setValues({}); setPositional(''); }}>
          {grammar.map((s) => (
            <option key={s.name} value={s.name} title={s.summary}>{s.name}</option>
          ))}
        </select>
      </label>
      {sub?.positionalValues && (
        <label>
          {sub.positional ?? 'type'}{' '}
          <select name="positional" value={positional || sub.positionalValues[0]} onChange={(e) => setPositional(e.target.value)}>
            {sub.positionalValues.map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>
      )}
      {sub && <p className="summary">{sub.summary}</p>}
      <div className="flags">
        {(sub?.flags ?? []).map((flag) => (
          <FlagInput key={flag.name} flag={flag} value={values[flag.name]} onChange={(v) => setValues({ ...values, [flag.name]: v })} />
        ))}
      </div>
      <code className="command" data-testid="command-line">{line}</code>
      <div className="buttons">
        <button type="button" onClick={() => void run()} disabled={!state.write || !sub || state.busy}>Run</button>
        <button type="button" onClick={() => void cancel()} disabled={!state.write || !state.busy}>Cancel</button>
        {!state.write && <span className="note">read-only token</span>}
      </div>
      {message && <p className="message" data-testid="launch-message">{message}</p>}
      {state.launch && state.launch.status !== 'running' && state.launch.status !== 'finished' && (
        <p className="message">run {state.launch.id} {state.launch.status}: {state.launch.detail}</p>
      )}
    </section>
  );
}
