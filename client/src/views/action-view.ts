// Base of the views that send the player's or host's actions to the server: `busy` while one runs, its failure in
// `error`.
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { LocalizedElement } from '../components/localized-element.js';
import { nicknameShape } from '../../../shared/protocol/nickname-shape.js';
import { errorText } from '../lib/errors.js';
import { SessionError } from '../session/session-controller.js';
import { TransientMessage } from '../lib/transient.js';

export class ActionView extends LocalizedElement {
  // Typed wide so each view can declare its own properties beside these (Lit merges them).
  static override properties: PropertyDeclarations = { busy: { state: true }, error: { state: true } };
  protected busy = false;
  protected error = '';
  /** The error is transient: it expires, and goes when the screen moves on (see screenKey). */
  private readonly transient = new TransientMessage(() => (this.error = ''));

  /** What the screen shows now, as phase and step ('' before a game): a view with a game overrides it. */
  protected screenKey(): string {
    return '';
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.transient.seen(this.error, this.screenKey(), changed.has('error'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.transient.stop();
  }

  /**
   * Runs `work` with `running` on meanwhile (the `busy` flag unless told otherwise); clears the error first and shows
   * the failure after, worded by `failed` ('' to show none).
   */
  protected async act(
    work: () => Promise<unknown>,
    failed: (err: unknown) => string = errorText,
    running: (on: boolean) => void = (on) => (this.busy = on),
  ): Promise<void> {
    running(true);
    this.error = '';
    try {
      await work();
    } catch (err) {
      this.error = failed(err);
    } finally {
      running(false);
    }
  }

  /**
   * The nickname as the server will take it, or null with the reason shown as the error. Its shape only: the
   * look-alike and abuse checks need Unicode's confusables table, which the server has and the phone need not load.
   */
  protected nickname(raw: string): string | null {
    const checked = nicknameShape(raw);
    if (checked.ok) return checked.name;
    this.error = errorText(new SessionError(checked.code, checked.message));
    return null;
  }
}
