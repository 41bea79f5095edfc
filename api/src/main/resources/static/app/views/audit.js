// Filled in by the audit pages.
import {register} from '../router.js';
register();
