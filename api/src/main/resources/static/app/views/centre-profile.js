// A centre's profile: its details, status, Direct Claim Status, qualifications and sanctions, with IMI's actions on
// each; its users, personnel report and hub requests (own modules); and its history of changes.
import {get, post, put} from '../api.js';
import {button, details, flash, form, h, section, table, when} from '../ui.js';
import {go} from '../router.js';
import {currentUser, isImiStaff} from '../session.js';
import {act, actWithReason, awaitRead, checkboxGroup, enc, hubPage, isAdmin, SANCTIONS, sanctionName, seesUsersOf,
    STATUS_MEANING, statusBadge, ticked} from './hub-common.js';
import {centreUsersSection} from './user.js';
import {personnelSection} from './personnel.js';
import {requestsSection} from './hubrequest.js';

/** The profile of one centre; `mine` when a centre user opened their own as "My centre". */
export async function centreProfile(container, centreId, query, mine) {
    const path = '/api/centres/' + enc(centreId);
    const here = mine ? '/my-centre' : '/centres/' + centreId;
    let centre;
    try {
        centre = await get(path);
    } catch (error) {
        if (error.status === 404 || error.status === 403) {
            hubPage(container, 'Centre not available',
                h('p', {class: 'message error', role: 'alert', id: 'refusal'}, 'The server refused: ' + error.message),
                h('p', {}, mine ? 'Your centre\'s profile could not be read. If your centre was added a moment ago, '
                    + 'try again shortly.' : 'There is no such centre, or it is not one you may see.'),
                h('p', {}, h('a', {href: '#/'}, 'Back to the home page')));
            return;
        }
        throw error;
    }
    const library = await get('/api/qualifications').catch(() => []);
    const titles = Object.fromEntries(library.map(qualification => [qualification.code, qualification]));
    const people = await peopleFor(centreId);

    /** After a command: wait for the read side to show it, then draw the page again with the outcome. */
    const changed = async (test, message) => {
        await awaitRead(() => get(path), test);
        flash(message, 'ok');
        window.scrollTo(0, 0);
        go(here);
    };
    const since = centre.updatedAt;
    const moved = candidate => candidate.updatedAt !== since;

    hubPage(container, centre.name,
        h('p', {class: 'lead centre-lead'}, statusBadge(centre.status), ' ',
            centre.centreNumber ? h('span', {}, 'Centre number ', h('strong', {id: 'centre-number'}, centre.centreNumber))
                : h('span', {}, 'No centre number until it is approved')),
        !mine && isImiStaff() ? h('p', {class: 'back'}, h('a', {href: '#/centres'}, 'All centres')) : null,
        isAdmin() ? actionBar(centre, path, changed, moved) : null,
        h('div', {class: 'grid'},
            section('Centre details', details([
                ['Centre number', centre.centreNumber || 'Not yet approved'],
                ['Name', centre.name],
                ['Address', h('span', {class: 'address'}, centre.address)],
                ['Contact email', h('a', {href: 'mailto:' + centre.contactEmail}, centre.contactEmail)],
                ['Applied', when(centre.appliedAt)],
                ['Approved', centre.approvedAt ? when(centre.approvedAt) : 'Not yet'],
                ['Last changed', when(centre.updatedAt)]])),
            standingSection(centre, path, changed)),
        centre.status === 'APPLIED' && isAdmin() ? approvalForm(centre, path, library, changed) : null,
        centre.status === 'APPLIED' && !isAdmin() ? h('p', {class: 'message info'},
            'This centre is waiting for an IMI administrator to approve it.') : null,
        qualificationsSection(centre, path, library, titles, changed),
        seesUsersOf(centreId) ? centreUsersSection(centre, people) : null,
        seesUsersOf(centreId) ? personnelSection(centre) : null,
        requestsSection(centre, people, query.get('request')),
        historySection(centre));
}

/** Names for the user ids that requests and replies carry, from the lists this user may read. */
async function peopleFor(centreId) {
    const names = {};
    const me = currentUser();
    names[me.userId] = me.name + ' (you)';
    const lists = [];
    if (seesUsersOf(centreId)) {
        lists.push(get('/api/centres/' + enc(centreId) + '/users'));
    }
    if (isImiStaff()) {
        lists.push(get('/api/users'));
    }
    for (const list of await Promise.all(lists.map(request => request.catch(() => [])))) {
        for (const user of list) {
            names[user.userId] = names[user.userId] || user.name;
        }
    }
    return names;
}

function actionBar(centre, path, changed, moved) {
    const status = centre.status;
    const actions = [];
    const statusChange = (label, verb, intro, target, kind) => actions.push(button(label, async () => {
        const done = await actWithReason(label + '?', intro, reason => post(path + '/' + verb, {reason}), label);
        if (done) {
            await changed(c => c.status === target, centre.name + ' is now ' + target.toLowerCase() + '.');
        }
    }, kind));
    if (status === 'SUSPENDED') {
        statusChange('Reinstate centre', 'reinstate', 'The centre may work again as an approved centre.', 'APPROVED');
    }
    if (status === 'APPROVED') {
        statusChange('Suspend centre', 'suspend', 'The centre may do nothing new until it is reinstated.',
            'SUSPENDED', 'secondary');
    }
    if (status === 'APPROVED' || status === 'SUSPENDED') {
        const granted = centre.directClaimStatus;
        const label = granted ? 'Remove Direct Claim Status' : 'Grant Direct Claim Status';
        actions.push(button(label, async () => {
            const done = await actWithReason(label + '?', granted
                ? 'From now on IMI approves each certificate the centre claims.'
                : 'From now on certificates are issued as soon as the centre claims them.',
            reason => put(path + '/direct-claim-status', {granted: !granted, reason}), label);
            if (done) {
                await changed(c => c.directClaimStatus === !granted, granted
                    ? 'Direct Claim Status is removed: IMI approves each claim.'
                    : 'Direct Claim Status is granted: claims are issued at once.');
            }
        }, 'secondary'));
    }
    if (status !== 'WITHDRAWN') {
        actions.push(button('Change details', async () => {
            const done = await act({title: 'Change the centre\'s details', submitLabel: 'Save details', fields: [
                {name: 'name', label: 'Centre name', required: true, value: centre.name, attrs: {maxlength: 200}},
                {name: 'address', label: 'Address', type: 'textarea', required: true, value: centre.address,
                    attrs: {maxlength: 500}},
                {name: 'contactEmail', label: 'Contact email', type: 'email', required: true,
                    value: centre.contactEmail, attrs: {maxlength: 254}},
                {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                    hint: 'Kept in the audit trail with your PIN.'}]},
            values => put(path + '/details', values, {version: centre.version}));
            if (done) {
                await changed(moved, 'The centre\'s details are saved.');
            }
        }, 'secondary'));
        statusChange('Withdraw centre', 'withdraw', 'Withdrawing is final: the centre can no longer register, '
            + 'assess or claim, and cannot be reinstated.', 'WITHDRAWN', 'danger');
    }
    if (!actions.length) {
        return null;
    }
    return h('div', {class: 'actions hub-actions', role: 'group', 'aria-label': 'Actions on this centre'}, actions);
}

function approvalForm(centre, path, library, changed) {
    return section('Approve this centre',
        h('p', {}, 'Choose the qualifications the centre may offer. Approval gives it a centre number.'),
        form({id: 'approve-centre', submitLabel: 'Approve centre', fields: [
            checkboxGroup({field: 'qualificationCodes', legend: 'Qualifications', name: 'qualification',
                hint: 'At least one.', options: library.map(qualification => ({value: qualification.code,
                    label: qualification.code + ' — ' + qualification.title}))}),
            {name: 'directClaimStatus', label: 'Grant Direct Claim Status', type: 'checkbox',
                hint: 'With it, certificates are issued as soon as the centre claims them; without it, IMI approves '
                    + 'each claim.'}],
        submit: async (values, formElement) => {
            const approved = await post(path + '/approve', {qualificationCodes: ticked(formElement, 'qualification'),
                directClaimStatus: values.directClaimStatus});
            await changed(c => c.status === 'APPROVED', centre.name + ' is approved as centre number '
                + approved.centreNumber + '.');
        }}));
}

function qualificationsSection(centre, path, library, titles, changed) {
    const codes = centre.qualificationCodes || [];
    const editable = isAdmin() && (centre.status === 'APPROVED' || centre.status === 'SUSPENDED');
    const offered = library.filter(qualification => !codes.includes(qualification.code));
    return section('Qualifications',
        table([
            {label: 'Code', value: code => h('a', {href: '#/qualifications/' + enc(code)}, code)},
            {label: 'Title', value: code => titles[code]?.title || 'Not in the library'},
            {label: 'Level', value: code => titles[code] ? String(titles[code].level) : '', class: 'number'},
            ...(editable ? [{label: 'Action', value: code => button('Remove ' + code, async () => {
                const done = await actWithReason('Remove ' + code + '?', 'The centre may no longer register '
                    + 'candidates for ' + code + '.', reason => post(path + '/qualifications/' + enc(code) + '/remove',
                    {reason}), 'Remove');
                if (done) {
                    await changed(c => !(c.qualificationCodes || []).includes(code), code + ' is removed from the '
                        + 'centre\'s qualifications.');
                }
            }, 'secondary small')}] : [])
        ], codes, centre.status === 'APPLIED' ? 'None until the centre is approved.' : 'No qualifications.'),
        editable && offered.length ? h('div', {class: 'actions'}, button('Add a qualification', async () => {
            const done = await act({title: 'Add a qualification', submitLabel: 'Add qualification', fields: [
                {name: 'qualificationCode', label: 'Qualification', type: 'select', required: true,
                    options: offered.map(q => ({value: q.code, label: q.code + ' — ' + q.title}))},
                {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                    hint: 'Kept in the audit trail with your PIN.'}]},
            values => post(path + '/qualifications', values));
            if (done) {
                const code = done.values.qualificationCode;
                await changed(c => (c.qualificationCodes || []).includes(code), 'The centre may now offer ' + code + '.');
            }
        }, 'secondary')) : null);
}

/** Where the centre stands: its status, Direct Claim Status and sanctions, with IMI's sanction actions. */
function standingSection(centre, path, changed) {
    const imposed = centre.sanctions || [];
    const editable = isAdmin() && (centre.status === 'APPROVED' || centre.status === 'SUSPENDED');
    const free = Object.keys(SANCTIONS).filter(sanction => !imposed.includes(sanction));
    const lift = sanction => h('button', {type: 'button', class: 'secondary small',
        'aria-label': 'Lift the sanction ' + sanctionName(sanction), onclick: async () => {
            const done = await actWithReason('Lift "' + sanctionName(sanction) + '"?', 'The centre may again do '
                + 'what the sanction stopped.', reason => post(path + '/sanctions/' + enc(sanction) + '/lift',
                {reason}), 'Lift sanction');
            if (done) {
                await changed(c => !(c.sanctions || []).includes(sanction), '"' + sanctionName(sanction)
                    + '" is lifted.');
            }
        }}, 'Lift');
    return section('Standing', details([
        ['Status', h('span', {}, statusBadge(centre.status), ' ', STATUS_MEANING[centre.status] || '')],
        ['Direct Claim Status', h('span', {id: 'dcs'}, centre.directClaimStatus
            ? 'Granted: certificates are issued as soon as the centre claims them.'
            : 'Not granted: IMI approves each certificate claim.')],
        ['Sanctions', imposed.length ? h('ul', {class: 'sanctions', id: 'sanctions'}, imposed.map(sanction =>
            h('li', {}, h('strong', {}, sanctionName(sanction)), ' ', SANCTIONS[sanction]?.meaning || '',
                editable ? lift(sanction) : null)))
            : h('span', {id: 'sanctions'}, 'None: nothing stops the centre registering candidates or claiming '
                + 'certificates.')]]),
    editable && free.length ? h('div', {class: 'actions'}, button('Impose a sanction', async () => {
        const done = await act({title: 'Impose a sanction', submitLabel: 'Impose sanction', fields: [
            {name: 'sanction', label: 'Sanction', type: 'select', required: true, options: free.map(sanction =>
                ({value: sanction, label: sanctionName(sanction) + ' — ' + SANCTIONS[sanction].meaning}))},
            {name: 'reason', label: 'Reason', type: 'textarea', required: true,
                hint: 'Kept in the audit trail with your PIN.'}]},
        values => post(path + '/sanctions', values));
        if (done) {
            const sanction = done.values.sanction;
            await changed(c => (c.sanctions || []).includes(sanction), '"' + sanctionName(sanction)
                + '" is imposed: ' + SANCTIONS[sanction].meaning.toLowerCase());
        }
    }, 'secondary')) : null);
}

const CHANGE_WORDS = {
    APPROVED: 'Approved', APPROVED_WITH_DCS: 'Approved with Direct Claim Status', SUSPENDED: 'Suspended',
    REINSTATED: 'Reinstated', WITHDRAWN: 'Withdrawn', DCS_GRANTED: 'Direct Claim Status granted',
    DCS_REMOVED: 'Direct Claim Status removed'
};

function changeWords(change) {
    if (CHANGE_WORDS[change]) {
        return CHANGE_WORDS[change];
    }
    const imposed = /^SANCTION_(IMPOSED|LIFTED)_(.+)$/.exec(change || '');
    if (imposed) {
        return (imposed[1] === 'IMPOSED' ? 'Sanction imposed: ' : 'Sanction lifted: ') + sanctionName(imposed[2]);
    }
    return change;
}

/** What an audit event of a centre says, in words. */
function eventWords(event) {
    const p = event.payload || {};
    switch (event.type) {
        case 'CentreApplied': return 'Applied as ' + p.name;
        case 'CentreApproved': return 'Approved as centre number ' + p.centreNumber + ' for '
            + (p.qualificationCodes || []).join(', ') + (p.directClaimStatus ? ', with Direct Claim Status' : '');
        case 'CentreDetailsAmended': return 'Details changed: ' + [['name', p.oldName, p.name],
            ['address', p.oldAddress, p.address], ['contact email', p.oldContactEmail, p.contactEmail]]
            .filter(([, before, after]) => before !== after)
            .map(([label, before, after]) => label + ' from "' + before + '" to "' + after + '"').join('; ');
        case 'CentreQualificationApproved': return 'Approved for ' + p.qualificationCode;
        case 'CentreQualificationRemoved': return p.qualificationCode + ' removed';
        case 'CentreSuspended': return 'Suspended';
        case 'CentreReinstated': return 'Reinstated';
        case 'CentreWithdrawn': return 'Withdrawn';
        case 'CentreSanctionImposed': return 'Sanction imposed: ' + sanctionName(p.sanction);
        case 'CentreSanctionLifted': return 'Sanction lifted: ' + sanctionName(p.sanction);
        case 'DirectClaimStatusGranted': return 'Direct Claim Status granted';
        case 'DirectClaimStatusRemoved': return 'Direct Claim Status removed';
        default: return event.type.replace(/([a-z])([A-Z])/g, '$1 $2');
    }
}

/**
 * IMI staff read the centre's own record in the audit log (every change, who made it and why); a centre's users
 * read the centre-changes report of their centre (status, Direct Claim Status and sanctions, with the reasons).
 */
function historySection(centre) {
    const body = h('div', {}, h('p', {class: 'hint'}, 'Loading the history…'));
    const show = entries => {
        body.textContent = '';
        body.append(entries.length ? h('ol', {class: 'timeline'}, entries.slice().reverse().map(entry => h('li', {},
            h('strong', {}, entry.what), h('br'), h('span', {class: 'hint'}, when(entry.at)
                + (entry.by ? ' · by PIN ' + entry.by : '')),
            entry.reason ? h('p', {class: 'reason'}, 'Reason: ' + entry.reason) : null)))
            : h('p', {class: 'empty'}, 'No changes recorded yet.'));
    };
    const failed = error => {
        body.textContent = '';
        body.append(h('p', {class: 'message error'}, 'The history could not be read: ' + error.message));
    };
    if (isImiStaff()) {
        get('/api/audit/records/centre/' + enc(centre.centreId) + '/events')
            .then(events => show(events.map(event => ({at: event.at, what: eventWords(event), by: event.actorPin,
                reason: event.reason}))))
            .catch(error => error.status === 404 ? show([]) : failed(error));
    } else {
        get('/api/reports/centre-changes?centreId=' + enc(centre.centreId))
            .then(report => show([{at: centre.appliedAt, what: 'Applied'}, ...report.changes.map(change =>
                ({at: change.at, what: changeWords(change.change), reason: change.reason}))]))
            .catch(failed);
    }
    return section('History', h('p', {class: 'hint'}, 'Newest first.'), body);
}
