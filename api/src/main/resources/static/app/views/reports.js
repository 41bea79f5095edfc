// Filled in by the reports pages.
import {register} from '../router.js';
register();
