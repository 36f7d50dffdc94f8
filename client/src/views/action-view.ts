// Base of the views that send the player's or host's actions to the server: `busy` while one runs, its failure in `error`.
import type { PropertyDeclarations } from 'lit';
import { LocalizedElement } from '../components/localized-element.js';
import { nicknameShape } from '../../../shared/protocol/nickname-shape.js';
import { errorText } from '../lib/errors.js';
import { SessionError } from '../session/session-controller.js';

export class ActionView extends LocalizedElement {
  // Typed wide so each view can declare its own properties beside these (Lit merges them).
  static override properties: PropertyDeclarations = { busy: { state: true }, error: { state: true } };
  protected busy = false;
  protected error = '';

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
