// Base class of every component: re-renders when the language changes.
import { LitElement } from 'lit';
import { I18nController } from '../i18n/index.js';

export class LocalizedElement extends LitElement {
  constructor() {
    super();
    new I18nController(this);
  }
}
