// Filled in by the certification pages.
import {register} from '../router.js';
register();
