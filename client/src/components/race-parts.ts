// The race's components, loaded on demand when a race starts so the phone's first load stays small.
import './race-cards.js';
import './deploy-picker.js';
import './host-picture.js';
import './team-parts.js';
import './cloud-bill.js';
