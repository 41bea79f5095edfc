// The Centres Hub: IMI's centres (list, profile, approval, status, Direct Claim Status, sanctions), each centre's
// users, personnel report and hub requests, a centre's own profile ("My centre"), IMI's staff and the qualification
// library.
import {register} from '../router.js';
import {currentUser} from '../session.js';
import {centresPage, newCentrePage} from './centre-list.js';
import {centreProfile} from './centre-profile.js';
import {personnelPage} from './personnel.js';
import {inboxPage} from './hubrequest.js';
import {libraryPage, qualificationPage} from './qualification.js';
import {staffPage} from './user.js';
import {CENTRE_ROLES, IMI_ROLES} from './hub-common.js';

register(
    {path: '/centres', nav: 'Centres', roles: IMI_ROLES, render: centresPage,
        summary: 'Every centre: approve, suspend, sanction, and manage its users and requests.'},
    // Before '/centres/:id', which would take "new" for an id.
    {path: '/centres/new', roles: ['IMI_ADMIN'], render: newCentrePage},
    // Open to every signed-in user: the server answers only for a centre the user may see, and says so otherwise.
    {path: '/centres/:id', render: (container, params, query) => centreProfile(container, params.id, query,
        params.id === currentUser().centreId)},
    // The server answers IMI staff for any centre and a coordinator for their own only, and says so otherwise.
    {path: '/centres/:id/personnel', roles: [...IMI_ROLES, 'CENTRE_COORDINATOR'], render: (container, params, query) =>
        personnelPage(container, params.id, query)},
    {path: '/my-centre', nav: 'My centre', roles: CENTRE_ROLES, render: (container, params, query) =>
        centreProfile(container, currentUser().centreId, query, true),
    summary: 'Your centre\'s profile, its users and PINs, and your requests to IMI.'},
    {path: '/requests', nav: 'Hub requests', roles: IMI_ROLES, render: inboxPage,
        summary: 'Requests and feedback from every centre, waiting for IMI\'s reply.'},
    {path: '/qualifications', nav: 'Qualifications', render: libraryPage,
        summary: 'The qualification library: units, assessments, time allowed and pass marks.'},
    {path: '/qualifications/:code', render: qualificationPage},
    {path: '/staff', nav: 'IMI staff', roles: IMI_ROLES, render: staffPage,
        summary: 'IMI administrators and auditors, with their PINs; add a member of staff.'});
