import { DO, DONT, optionCommand, WILL, WONT, type Verb } from './telnet-codec.js';

type QState = 'no' | 'yes' | 'wantyes' | 'wantno';

export interface TelnetOptionsPolicy {
  /** Options we agree to perform when the far end sends DO. */
  readonly local: readonly number[];
  /** Options we agree the far end performs when it sends WILL. */
  readonly remote: readonly number[];
}

/** Which side an option change concerns: `local` = we perform it, `remote` = the far end does. */
export type OptionSide = 'local' | 'remote';

/**
 * Telnet option negotiation by the RFC 1143 "Q method" (without the queue bit): a request is
 * sent only when it changes something, so two ends can never loop on WILL/DO.
 */
export class TelnetOptions {
  private readonly us = new Map<number, QState>();
  private readonly him = new Map<number, QState>();

  constructor(
    private readonly policy: TelnetOptionsPolicy,
    private readonly send: (bytes: Uint8Array) => void,
    private readonly changed: (side: OptionSide, option: number, enabled: boolean) => void = () => {},
  ) {}

  isLocal(option: number): boolean {
    return this.us.get(option) === 'yes';
  }

  isRemote(option: number): boolean {
    return this.him.get(option) === 'yes';
  }

  /** Offers to perform `option` (sends WILL unless already on or asked). */
  offerLocal(option: number): void {
    if ((this.us.get(option) ?? 'no') !== 'no') return;
    this.us.set(option, 'wantyes');
    this.send(optionCommand(WILL, option));
  }

  /** Asks the far end to perform `option` (sends DO unless already on or asked). */
  askRemote(option: number): void {
    if ((this.him.get(option) ?? 'no') !== 'no') return;
    this.him.set(option, 'wantyes');
    this.send(optionCommand(DO, option));
  }

  /** State of a local option that was asked for and not yet answered. */
  pendingLocal(option: number): boolean {
    return this.us.get(option) === 'wantyes';
  }

  receive(verb: Verb, option: number): void {
    if (verb === WILL || verb === WONT) {
      this.step(this.him, 'remote', option, verb === WILL, this.policy.remote, DO, DONT);
    } else {
      this.step(this.us, 'local', option, verb === DO, this.policy.local, WILL, WONT);
    }
  }

  private step(
    table: Map<number, QState>,
    side: OptionSide,
    option: number,
    on: boolean,
    accepted: readonly number[],
    yes: Verb,
    no: Verb,
  ): void {
    const state = table.get(option) ?? 'no';
    const set = (next: QState): void => {
      table.set(option, next);
      // A request answered either way is reported too, so a refusal is seen at once.
      if ((next === 'yes') !== (state === 'yes') || state === 'wantyes') this.changed(side, option, next === 'yes');
    };
    if (on) {
      if (state === 'no') {
        if (accepted.includes(option)) {
          set('yes');
          this.send(optionCommand(yes, option));
        } else this.send(optionCommand(no, option));
      } else if (state === 'wantyes') set('yes');
      // 'wantno' answered by an enable is an error in RFC 1143; the option ends up off.
      else if (state === 'wantno') set('no');
    } else if (state === 'yes') {
      set('no');
      this.send(optionCommand(no, option));
    } else if (state !== 'no') set('no');
  }
}
