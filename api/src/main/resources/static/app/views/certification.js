// Certification: a centre's registrars claim a candidate's certificate and follow their claims; IMI's
// administrators work through the approval queue, and replace or revoke certificates. A claim's page shows the
// certificate number, the verification code, the printable PDF and the public verification link.
import {download, get, post} from '../api.js';
import {askReason, badge, button, day, details, dialog, flash, form, h, notify, page, pager, section, table, when}
    from '../ui.js';
import {go, register} from '../router.js';
import {currentUser, hasRole, isImiStaff} from '../session.js';
import {centreDirectory, centreLabel, centreOptions} from './reports.js';

const CLAIM_STATUS = {AWAITING_APPROVAL: 'Awaiting approval', ISSUED: 'Issued', REJECTED: 'Rejected'};
const CERTIFICATE_STATUS = {VALID: 'Valid', REPLACED: 'Replaced', REVOKED: 'Revoked'};
const CANDIDATE_STATUS = {REGISTERED: 'Registered', WITHDRAWN: 'Withdrawn', CERTIFICATED: 'Certificated'};
const VIEWERS = ['IMI_ADMIN', 'AUDITOR', 'CENTRE_COORDINATOR', 'CENTRE_ADMIN', 'IQA'];
const REGISTRARS = ['CENTRE_COORDINATOR', 'CENTRE_ADMIN'];

/**
 * Reads until the answer satisfies {@code until}: a record created or changed a moment ago may still answer 404 or
 * its old state (reads are eventually consistent). After the last try, answers what was read.
 */
export async function eventually(read, until = () => true, tries = 24) {
    for (let attempt = 1; ; attempt++) {
        try {
            const value = await read();
            if (until(value) || attempt >= tries) {
                return value;
            }
        } catch (error) {
            if (error.status !== 404 || attempt >= tries) {
                throw error;
            }
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

/** An address inside the app with the non-blank parameters, e.g. /certificates?status=ISSUED. */
export function withQuery(path, parameters) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
        if (value !== undefined && value !== null && String(value) !== '') {
            query.set(name, value);
        }
    }
    const text = query.toString();
    return text ? path + '?' + text : path;
}

function claimBadge(status) {
    return badge(CLAIM_STATUS[status] || status, String(status).toLowerCase());
}

function certificateBadge(status) {
    return badge(CERTIFICATE_STATUS[status] || status, String(status).toLowerCase());
}

function days(count) {
    return count === 1 ? '1 day' : count + ' days';
}

function canClaim() {
    return hasRole(...REGISTRARS) && !!currentUser().centreId;
}

/** Shows the server's reasons as a list in the box (a 409 from a claim or an approval), or its message. */
function showRefusal(box, error, heading) {
    const reasons = Array.isArray(error.problem?.reasons) ? error.problem.reasons : [];
    if (!reasons.length) {
        box.hidden = true;
        notify(error.message, 'error');
        return;
    }
    box.textContent = '';
    box.append(h('h2', {}, error.problem.title || heading),
        h('ul', {class: 'reasons'}, reasons.map(reason => h('li', {}, reason))));
    box.hidden = false;
    box.focus();
    notify(heading + ': ' + (reasons.length === 1 ? 'one reason' : reasons.length + ' reasons') + ', listed below.',
        'error');
}

function refusalBox() {
    return h('div', {class: 'message error refusal', tabindex: '-1', hidden: true});
}

/** Draws the current page again, showing the message once it is drawn. */
function reload(message) {
    flash(message, 'ok');
    go(location.hash.substring(1) || '/');
}

// ---- the list of claims and IMI's approval queue ------------------------------------------------------------

async function certificatesPage(container, params, query) {
    const imi = isImiStaff();
    const status = query.get('status') || '';
    const centreId = imi ? query.get('centreId') || '' : '';
    const pageNumber = Math.max(0, Number(query.get('page')) || 0);
    const queuePage = Math.max(0, Number(query.get('queue')) || 0);
    const centres = await centreDirectory();
    const refusal = refusalBox();
    const here = {status, centreId, page: pageNumber, queue: queuePage};

    const content = [refusal];
    if (canClaim()) {
        content.push(h('p', {class: 'lead'}, 'Claim the certificate of a candidate who has achieved their '
            + 'qualification, and follow your centre\'s claims here.'),
        h('p', {}, h('a', {class: 'button', href: '#/certificates/claim'}, 'Claim a certificate')));
    } else if (imi) {
        content.push(h('p', {class: 'lead'}, hasRole('IMI_ADMIN')
            ? 'Approve or reject the claims of centres without Direct Claim Status, oldest first, and look after '
            + 'issued certificates.'
            : 'Every centre\'s certificate claims and the certificates issued on them.'));
    } else {
        content.push(h('p', {class: 'lead'}, 'Your centre\'s certificate claims and the certificates issued.'));
    }

    const filters = imi ? [{name: 'centreId', label: 'Centre', type: 'select', value: centreId,
        options: [{value: '', label: 'All centres'}, ...centreOptions(centres)]}] : [];
    filters.push({name: 'status', label: 'Status of claims listed', type: 'select', value: status, options: [
        {value: '', label: 'Any status'}, ...Object.entries(CLAIM_STATUS).map(([value, label]) => ({value, label}))]});
    content.push(form({id: 'claim-filters', class: 'toolbar', fields: filters, submitLabel: 'Show claims',
        submit: async values => go(withQuery('/certificates', values))}));

    if (hasRole('IMI_ADMIN')) {
        const queue = await get(withQuery('/api/certificate-claims', {status: 'AWAITING_APPROVAL', centreId,
            page: queuePage, size: 20}));
        content.push(section('Approval queue',
            h('p', {class: 'hint'}, (queue.total === 0 ? 'No claim is waiting' : queue.total
                + (queue.total === 1 ? ' claim waits' : ' claims wait') + ' for approval')
                + (centreId ? ' at ' + centreLabel(centres, centreId) : '') + (queue.total === 0 ? '.'
                : ', oldest first. Approving issues the certificate at once.')),
            table([
                {label: 'Waiting', class: 'number', value: claim => days(claim.daysWaiting)},
                {label: 'Claimed', value: claim => when(claim.claimedAt)},
                {label: 'Candidate', value: claim => [h('a', {href: '#/certificates/claims/' + claim.claimId},
                    claim.holderName), h('br'), h('span', {class: 'hint'}, claim.registrationNumber)]},
                {label: 'Centre', value: claim => centreLabel(centres, claim.centreId)},
                {label: 'Qualification', value: claim => claim.qualificationCode},
                {label: 'Claimed by', value: claim => 'PIN ' + claim.claimedByPin},
                {label: 'Decision', value: claim => h('div', {class: 'row-actions'},
                    h('button', {type: 'button', 'aria-label': 'Approve the claim for ' + claim.holderName,
                        onclick: () => approve(claim, refusal)}, 'Approve'),
                    h('button', {type: 'button', class: 'secondary', 'aria-label': 'Reject the claim for '
                        + claim.holderName, onclick: () => reject(claim)}, 'Reject'))}
            ], queue.items, 'Nothing awaits approval.', 'Claims awaiting approval'),
            queue.total > queue.size ? pager(queue, next => go(withQuery('/certificates', {...here, queue: next})))
                : null));
    }

    const claims = await get(withQuery('/api/certificate-claims', {status, centreId, page: pageNumber, size: 25}));
    content.push(section(imi ? 'All claims' : 'Your centre\'s claims',
        table([
            {label: 'Claimed', value: claim => when(claim.claimedAt)},
            {label: 'Candidate', value: claim => [h('a', {href: '#/certificates/claims/' + claim.claimId},
                claim.holderName), h('br'), h('span', {class: 'hint'}, claim.registrationNumber)]},
            ...(imi ? [{label: 'Centre', value: claim => centreLabel(centres, claim.centreId)}] : []),
            {label: 'Qualification', value: claim => claim.qualificationCode},
            {label: 'Status', value: claim => claimBadge(claim.status)},
            {label: 'Certificate', value: claim => claim.certificateNumber || '—'},
            {label: 'Decided', value: claim => claim.decidedAt ? when(claim.decidedAt)
                : claim.daysWaiting ? 'Waiting ' + days(claim.daysWaiting) : 'Claimed today'}
        ], claims.items, status || centreId ? 'No claims match.' : 'No certificate has been claimed yet.'),
        claims.total > claims.size ? pager(claims, next => go(withQuery('/certificates', {...here, page: next})))
            : null));
    page(container, 'Certificates', content);
}

async function approve(claim, refusal) {
    const confirmed = await dialog({title: 'Approve this claim?', submitLabel: 'Approve and issue', fields: [],
        intro: 'A certificate for ' + claim.qualificationCode + ' is issued to ' + claim.holderName + ' ('
            + claim.registrationNumber + ') at once. Eligibility is checked again first.'});
    if (!confirmed) {
        return;
    }
    try {
        const answer = await post('/api/certificate-claims/' + encodeURIComponent(claim.claimId) + '/approve');
        await eventually(() => get('/api/certificate-claims/' + encodeURIComponent(claim.claimId)),
            found => found.status === 'ISSUED');
        reload('Approved: certificate ' + answer.certificateNumber + ' issued to ' + claim.holderName + '.');
    } catch (error) {
        showRefusal(refusal, error, 'The claim for ' + claim.holderName + ' cannot be approved');
    }
}

async function reject(claim) {
    const answer = await askReason('Reject this claim?', 'The claim for ' + claim.holderName + ' ('
        + claim.registrationNumber + ') is closed without a certificate. The centre sees your reason and may claim '
        + 'again once it is put right.', values => post('/api/certificate-claims/'
        + encodeURIComponent(claim.claimId) + '/reject', {reason: values.reason}), 'Reject claim');
    if (!answer) {
        return;
    }
    await eventually(() => get('/api/certificate-claims/' + encodeURIComponent(claim.claimId)),
        found => found.status === 'REJECTED');
    reload('Rejected the claim for ' + claim.holderName + '. The centre sees your reason.');
}

// ---- claiming ----------------------------------------------------------------------------------------------

async function findCandidatePage(container, params, query) {
    const user = currentUser();
    const q = (query.get('q') || '').trim();
    const pageNumber = Math.max(0, Number(query.get('page')) || 0);
    const found = await get(withQuery('/api/centres/' + encodeURIComponent(user.centreId) + '/candidates',
        {q, status: q ? '' : 'REGISTERED', page: pageNumber, size: 20}));
    page(container, 'Claim a certificate',
        h('p', {class: 'lead'}, 'Choose the candidate. A certificate can be claimed once they have passed every '
            + 'assessment of their qualification; the system checks this when you claim.'),
        section('Find the candidate',
            form({id: 'find-candidate', class: 'toolbar', submitLabel: 'Search', fields: [
                {name: 'q', label: 'Registration number, ULN or name', value: q, required: true,
                    attrs: {autocomplete: 'off', spellcheck: 'false'}}],
            submit: async values => go(withQuery('/certificates/claim', {q: values.q}))}),
            h('h3', {}, q ? 'Candidates matching "' + q + '"' : 'Registered candidates at your centre'),
            table([
                {label: 'Name', value: candidate => candidate.firstName + ' ' + candidate.lastName},
                {label: 'Registration number', value: candidate => candidate.registrationNumber},
                {label: 'Qualification', value: candidate => candidate.qualificationCode},
                {label: 'Status', value: candidate => badge(CANDIDATE_STATUS[candidate.status] || candidate.status,
                    String(candidate.status).toLowerCase())},
                {label: 'Certificate', value: candidate => h('a', {href: '#/certificates/claim/'
                    + encodeURIComponent(candidate.candidateId), 'aria-label': 'Choose ' + candidate.firstName + ' '
                    + candidate.lastName}, 'Choose')}
            ], found.items, q ? 'No candidate at your centre matches. Try the registration number.'
                : 'Your centre has no registered candidates.'),
            found.total > found.size ? pager(found, next => go(withQuery('/certificates/claim', {q, page: next})))
                : null),
        h('p', {}, h('a', {href: '#/certificates'}, 'Back to certificates')));
}

async function claimForCandidatePage(container, params) {
    const candidate = await get('/api/candidates/' + encodeURIComponent(params.candidateId));
    const qualification = await get('/api/qualifications/' + encodeURIComponent(candidate.qualificationCode))
        .catch(() => null);
    const name = candidate.firstName + ' ' + candidate.lastName;
    const refusal = refusalBox();
    const results = candidate.results || [];
    const assessments = qualification ? qualification.assessments : [];
    const claimButton = h('button', {type: 'button', id: 'claim-button'}, 'Claim the certificate');
    claimButton.addEventListener('click', async () => {
        claimButton.disabled = true;
        try {
            const claimed = await post('/api/candidates/' + encodeURIComponent(candidate.candidateId)
                + '/certificate-claims');
            flash(claimed.status === 'ISSUED'
                ? 'Certificate ' + claimed.certificateNumber + ' issued to ' + name + ' (your centre has Direct Claim '
                + 'Status).'
                : 'Claim sent to IMI for approval. Its status shows here.', 'ok');
            go('/certificates/claims/' + encodeURIComponent(claimed.claimId));
        } catch (error) {
            showRefusal(refusal, error, 'Not eligible for a certificate');
        } finally {
            claimButton.disabled = false;
        }
    });
    page(container, 'Claim a certificate',
        h('p', {class: 'lead'}, name + ' · ' + candidate.registrationNumber),
        refusal,
        section('The candidate', details([
            ['Name', name], ['Registration number', candidate.registrationNumber],
            ['Date of birth', day(candidate.dateOfBirth)],
            ['Qualification', qualification ? qualification.title + ' (' + qualification.code + ')'
                : candidate.qualificationCode],
            ['Status', badge(CANDIDATE_STATUS[candidate.status] || candidate.status,
                String(candidate.status).toLowerCase())],
            ['Certificate', candidate.certificate ? [candidate.certificate.certificateNumber, ' ',
                certificateBadge(candidate.certificate.status)] : 'None yet']])),
        section('Results so far',
            h('p', {class: 'hint'}, 'Every assessment needs a pass that has not been voided.'),
            table([
                {label: 'Assessment', value: assessment => assessment.title + ' (' + assessment.code + ')'},
                {label: 'Result', value: assessment => resultOf(results, assessment.code)}
            ], assessments, 'The qualification has no assessments in the catalogue.')),
        section('Claim',
            h('p', {}, 'The certificate will carry the name ' + name + ', as registered now. If it is wrong, amend it '
                + 'before claiming.'),
            canClaim() ? h('div', {class: 'actions'}, claimButton)
                : h('p', {class: 'hint'}, 'Only your centre\'s administrators and coordinators can claim.')),
        h('p', {}, h('a', {href: '#/certificates/claim'}, 'Choose another candidate')));
}

function resultOf(results, assessmentCode) {
    const attempts = results.filter(result => result.assessmentCode === assessmentCode);
    const pass = attempts.find(result => result.outcome === 'PASS' && !result.voided);
    if (pass) {
        return [badge('Passed', 'pass'), ' ' + pass.percent + ' %'];
    }
    if (!attempts.length) {
        return 'Not taken yet';
    }
    const last = attempts[attempts.length - 1];
    return last.voided ? [badge('Voided', 'voided'), ' ' + (last.voidReason || '')]
        : [badge('Not passed', 'fail'), ' ' + (last.percent ?? '') + ' %'];
}

// ---- one claim and its certificate --------------------------------------------------------------------------

async function claimPage(container, params) {
    const path = '/api/certificate-claims/' + encodeURIComponent(params.claimId);
    const claim = await eventually(() => get(path));
    const centres = await centreDirectory();
    let certificate = null;
    if (claim.certificateNumber) {
        const candidate = await get('/api/candidates/' + encodeURIComponent(claim.candidateId)).catch(() => null);
        if (candidate?.certificate?.certificateNumber === claim.certificateNumber) {
            certificate = candidate.certificate;
        }
    }
    const refusal = refusalBox();
    const number = claim.certificateNumber;
    const content = [h('p', {class: 'lead'}, claim.holderName + ' · ' + claim.registrationNumber + ' · '
        + claim.qualificationCode), refusal];

    if (claim.status === 'AWAITING_APPROVAL') {
        content.push(h('p', {class: 'message info', id: 'claim-status'}, claimBadge(claim.status), ' Waiting for '
            + 'IMI\'s approval ' + (claim.daysWaiting ? 'for ' + days(claim.daysWaiting) : 'since today')
            + '. The certificate is issued when it is approved.'));
    } else if (claim.status === 'REJECTED') {
        content.push(h('p', {class: 'message error', id: 'claim-status'}, claimBadge(claim.status),
            ' Rejected on ' + when(claim.decidedAt) + ': ' + (claim.reason || 'no reason recorded') + '. ',
            canClaim() ? h('a', {href: '#/certificates/claim/' + encodeURIComponent(claim.candidateId)},
                'Claim again once it is put right') : null));
    }

    if (claim.status === 'ISSUED' && number) {
        const valid = !certificate || certificate.status === 'VALID';
        const verifyPath = '/verify?number=' + encodeURIComponent(number) + '&code='
            + encodeURIComponent(claim.verificationCode || '');
        content.push(section('Certificate',
            details([
                ['Certificate number', h('strong', {class: 'code-large', id: 'certificate-number'}, number)],
                ['Verification code', claim.verificationCode
                    ? h('strong', {class: 'code-large', id: 'verification-code'}, claim.verificationCode) : null],
                ['Status', certificate ? [certificateBadge(certificate.status),
                    certificate.status === 'REVOKED' ? ' from ' + day(certificate.revokedOn) : null,
                    certificate.status === 'REPLACED' && certificate.replacedBy ? ' by ' + certificate.replacedBy
                        : null] : null],
                ['Issued on', day(claim.issuedOn)],
                ['Holder', claim.holderName]]),
            h('p', {class: 'hint'}, 'The number is public; the code proves the certificate. Anyone holding both can '
                + 'check it on the public verification page, which the QR code on the printed certificate opens.'),
            h('div', {class: 'actions'},
                valid ? button('Download PDF', () => downloadPdf(number)) : null,
                claim.verificationCode ? h('a', {href: verifyPath, target: '_blank', rel: 'noopener',
                    id: 'verify-link'}, 'Check it on the public verification page (opens in a new tab)') : null),
            hasRole('AUDITOR', 'IMI_ADMIN') ? h('p', {}, h('a', {href: '#/provenance/' + encodeURIComponent(number),
                id: 'provenance-link'}, 'Everything this certificate rests on (provenance)')) : null,
            hasRole('IMI_ADMIN') && valid ? h('div', {class: 'actions'},
                button('Replace certificate', () => replace(claim), 'secondary'),
                button('Revoke certificate', () => revoke(claim), 'danger')) : null));
    }

    content.push(section('Claim', details([
        ['Status', claimBadge(claim.status)],
        ['Candidate', claim.holderName + ' (' + claim.registrationNumber + ')'],
        ['Qualification', claim.qualificationCode],
        ['Centre', centreLabel(centres, claim.centreId)],
        ['Claimed', when(claim.claimedAt) + ' by PIN ' + claim.claimedByPin],
        ['Direct Claim Status', claim.directClaimStatus ? 'Yes: issued at once' : 'No: IMI approves'],
        ['Decided', claim.decidedAt ? when(claim.decidedAt) + ' (after ' + days(claim.daysWaiting) + ')' : null],
        ['Reason', claim.reason]])));

    if (hasRole('IMI_ADMIN') && claim.status === 'AWAITING_APPROVAL') {
        content.push(h('div', {class: 'actions'},
            button('Approve', () => approve(claim, refusal)),
            button('Reject', () => reject(claim), 'secondary')));
    }
    if (isImiStaff()) {
        content.push(h('p', {}, h('a', {href: '#/audit/records/claim/' + encodeURIComponent(claim.claimId)},
            'Audit history of this claim')));
    }
    content.push(h('p', {}, h('a', {href: '#/certificates'}, 'All certificates')));
    page(container, claim.status === 'ISSUED' && number ? 'Certificate ' + number : 'Certificate claim', content);
}

async function downloadPdf(number) {
    const filename = 'certificate-' + number + '.pdf';
    try {
        await download('/api/certificates/' + encodeURIComponent(number) + '.pdf', 'application/pdf', filename);
        notify('Downloaded ' + filename + '.', 'ok');
    } catch (error) {
        notify(error.message, 'error');
    }
}

async function replace(claim) {
    const answer = await askReason('Replace certificate ' + claim.certificateNumber + '?', 'A new number and '
        + 'verification code are issued, printed with the candidate\'s name as registered now and dated today. The '
        + 'old number will verify as replaced.', values => post('/api/certificates/'
        + encodeURIComponent(claim.certificateNumber) + '/replace', {reason: values.reason}), 'Replace certificate');
    if (!answer) {
        return;
    }
    await eventually(() => get('/api/certificate-claims/' + encodeURIComponent(claim.claimId)),
        found => found.certificateNumber === answer.replacedBy);
    reload('Certificate ' + answer.certificateNumber + ' replaced by ' + answer.replacedBy + '.');
}

async function revoke(claim) {
    const answer = await askReason('Revoke certificate ' + claim.certificateNumber + '?', 'It stops verifying as '
        + 'valid from today, and the candidate cannot be claimed for again on this qualification.',
    values => post('/api/certificates/' + encodeURIComponent(claim.certificateNumber) + '/revoke',
        {reason: values.reason}), 'Revoke certificate');
    if (!answer) {
        return;
    }
    await eventually(() => get('/api/candidates/' + encodeURIComponent(claim.candidateId)),
        candidate => candidate.certificate?.status === 'REVOKED');
    reload('Certificate ' + answer.certificateNumber + ' revoked.');
}

register(
    {path: '/certificates', nav: 'Certificates', roles: VIEWERS, render: certificatesPage,
        summary: 'Claim certificates, follow claims and approvals, print and verify certificates'},
    {path: '/certificates/claim', roles: REGISTRARS, render: findCandidatePage},
    {path: '/certificates/claim/:candidateId', roles: VIEWERS, render: claimForCandidatePage},
    {path: '/certificates/claims/:claimId', roles: VIEWERS, render: claimPage});
