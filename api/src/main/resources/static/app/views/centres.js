// Filled in by the centres pages.
import {register} from '../router.js';
register();
