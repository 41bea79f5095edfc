// The ePortfolio: a candidate's own portfolio (upload evidence against a unit's criteria, see judgements and
// progress), the assessor's queue (judge, sign a unit off), the IQA's samples (agree or send back) and the
// coordinator's view of the centre's progress. Every file is shown with the SHA-256 recorded when it was uploaded.
import {download, get, post} from '../api.js';
import {badge, button, dialog, form, h, notify, page, section, table, when} from '../ui.js';
import {go, register} from '../router.js';
import {currentUser, hasRole} from '../session.js';

const base = candidateId => '/api/candidates/' + encodeURIComponent(candidateId) + '/portfolio';

function progressText(portfolio) {
    return portfolio.percentMet + '% of criteria met (' + portfolio.criteriaMet + ' of ' + portfolio.criteriaTotal
        + ') · ' + portfolio.unitsSignedOff + ' of ' + portfolio.unitsTotal + ' units signed off';
}

function sampleBadge(unit) {
    if (unit.signedOff && unit.sampleStatus === 'DUE') {
        return badge('Sample due', 'pending');
    }
    if (unit.sampleStatus === 'AGREED') {
        return badge('IQA agreed', 'valid');
    }
    if (unit.sampleStatus === 'SENT_BACK') {
        return badge('Sent back by the IQA', 'revoked');
    }
    return null;
}

/** The landing page: what each role works on. */
async function portfolioHome(container) {
    const user = currentUser();
    if (hasRole('CANDIDATE')) {
        return go('/portfolio/' + encodeURIComponent(user.candidateId));
    }
    const parts = [];
    if (hasRole('ASSESSOR')) {
        const queue = await get('/api/portfolio/assessor-queue');
        parts.push(section('Evidence awaiting your judgement', table([
            {label: 'Candidate', value: row => h('a', {href: '#/portfolio/' + encodeURIComponent(row.candidateId)},
                row.candidateId)},
            {label: 'Unit', value: row => row.unitCode},
            {label: 'File', value: row => row.fileName + ' (version ' + row.version + ')'},
            {label: 'Uploaded', value: row => when(row.uploadedAt)},
            {label: 'Waiting', value: row => row.ageDays + (row.ageDays === 1 ? ' day' : ' days')}],
        queue, 'Nothing is waiting for your judgement.', 'Oldest first')));
    }
    if (hasRole('IQA')) {
        const samples = await get('/api/portfolio/iqa-queue');
        parts.push(section('Samples due', table([
            {label: 'Candidate', value: row => h('a', {href: '#/portfolio/' + encodeURIComponent(row.candidateId)},
                row.candidateId)},
            {label: 'Unit', value: row => row.unitCode},
            {label: 'Assessor', value: row => row.assessorName || '—'},
            {label: 'Assessor PIN', value: row => row.assessorPin},
            {label: 'Signed off', value: row => when(row.signedOffAt)},
            {label: 'Waiting', value: row => row.ageDays + (row.ageDays === 1 ? ' day' : ' days')}],
        samples, 'No sample is due.', 'Oldest first')));
    }
    if (hasRole('CENTRE_COORDINATOR')) {
        const progress = await get('/api/centres/' + encodeURIComponent(user.centreId) + '/portfolio-progress');
        parts.push(section('Your centre\'s portfolios', table([
            {label: 'Candidate', value: row => h('a', {href: '#/portfolio/' + encodeURIComponent(row.candidateId)},
                row.candidateId)},
            {label: 'Assessor', value: row => row.assessorName || '—'},
            {label: 'IQA', value: row => row.iqaName || '—'},
            {label: 'Criteria met', value: row => row.percentMet + '%'},
            {label: 'Units signed off', value: row => row.unitsSignedOff + ' of ' + row.unitsTotal},
            {label: 'Awaiting judgement', value: row => String(row.awaitingJudgement)},
            {label: 'Samples due', value: row => String(row.samplesDue)}],
        progress, 'No candidate of your centre has a portfolio yet.')));
    }
    page(container, 'ePortfolio', ...parts);
}

/**
 * The candidate's name and registration number, as the portal shows them to centre staff and IMI; a candidate's own
 * account is shown its own name. Where neither can be read, the record's id.
 */
async function candidateName(candidateId) {
    if (hasRole('CANDIDATE')) {
        return currentUser().name;
    }
    try {
        const candidate = await get('/api/candidates/' + encodeURIComponent(candidateId));
        return candidate.firstName + ' ' + candidate.lastName + ' (' + candidate.registrationNumber + ')';
    } catch (error) {
        return candidateId;
    }
}

async function portfolioPage(container, params) {
    const candidateId = params.candidateId;
    let portfolio;
    try {
        portfolio = await get(base(candidateId));
    } catch (error) {
        if (error.status !== 404) {
            throw error;
        }
        portfolio = null;
    }
    const user = currentUser();
    const isAssessor = portfolio && portfolio.assessorUserId === user.userId;
    const isIqa = portfolio && portfolio.iqaUserId === user.userId;
    const mayUpload = hasRole('CANDIDATE') || isAssessor;
    const refresh = () => portfolioPage(container, params);

    if (!portfolio) {
        page(container, 'ePortfolio', h('p', {class: 'empty'}, 'Nothing has been recorded in this portfolio yet.'),
            mayUpload ? uploadSection(candidateId, [], refresh) : null);
        return;
    }
    const units = portfolio.units.map(unit => section(unit.unitCode + ' · ' + unit.title,
        h('p', {}, unit.signedOff ? badge('Signed off', 'valid') : badge('Not signed off', 'pending'), ' ',
            sampleBadge(unit), unit.sampleFeedback ? ' ' + unit.sampleFeedback : ''),
        h('ul', {class: 'criteria'}, unit.criteria.map(criterion => h('li', {},
            criterion.met ? badge('Met', 'valid') : badge('Not yet met', 'pending'), ' ',
            h('strong', {}, criterion.code), ' ', criterion.text))),
        isAssessor && !unit.signedOff && unit.criteria.every(criterion => criterion.met)
            ? button('Sign off ' + unit.unitCode, async () => {
            try {
                const answer = await post(base(candidateId) + '/units/' + encodeURIComponent(unit.unitCode)
                    + '/sign-off', {});
                notify('Unit ' + unit.unitCode + ' signed off' + (answer.sampled ? '; sampled for the IQA.' : '.'));
                setTimeout(refresh, 500);
            } catch (error) {
                notify(error.message, 'error');
            }
        }) : null,
        isIqa && unit.signedOff && unit.sampleStatus === 'DUE' ? button('Decide on ' + unit.unitCode,
            () => decideSample(candidateId, unit, refresh), 'secondary') : null));

    const evidence = table([
        {label: 'Unit', value: piece => piece.unitCode},
        {label: 'File', value: piece => {
            const latest = piece.versions[piece.versions.length - 1];
            return h('span', {}, button(latest.fileName + ' (v' + latest.version + ')', () => download(
                base(candidateId) + '/evidence/' + encodeURIComponent(piece.evidenceId) + '/versions/'
                + latest.version + '/file', undefined, latest.fileName), 'link'),
            h('br'), h('span', {class: 'code hash', title: 'SHA-256 recorded at upload'}, latest.sha256));
        }},
        {label: 'Criteria', value: piece => piece.versions[piece.versions.length - 1].criteria.join(', ')},
        {label: 'Uploaded by', value: piece => {
            const latest = piece.versions[piece.versions.length - 1];
            return (latest.uploadedBy === 'CANDIDATE' ? 'Candidate' : 'Assessor on their behalf') + ', '
                + when(latest.uploadedAt);
        }},
        {label: 'Judgement', value: piece => {
            const last = piece.judgements[piece.judgements.length - 1];
            const judged = last ? last.criteria.map(c => c.code + (c.met ? ' met' : ' not yet met')).join(', ')
                + (last.feedback ? ' · ' + last.feedback : '') : '';
            return h('span', {}, piece.awaitingJudgement ? badge('Awaiting judgement', 'pending') : judged,
                isAssessor && piece.awaitingJudgement
                    ? button('Judge', () => judge(candidateId, piece, refresh), 'secondary') : null);
        }}], portfolio.evidence, 'No evidence yet.', 'Evidence');

    page(container, 'ePortfolio of ' + await candidateName(candidateId),
        h('p', {class: 'lead', id: 'portfolio-progress'}, progressText(portfolio)),
        ...units,
        section('Evidence', evidence),
        mayUpload ? uploadSection(candidateId, portfolio.units, refresh) : null);
}

function uploadSection(candidateId, units, refresh) {
    const element = form({id: 'evidence-form', submitLabel: 'Upload', fields: [
        {name: 'unitCode', label: 'Unit', required: true, hint: units.length
            ? 'One of: ' + units.map(unit => unit.unitCode).join(', ') : undefined},
        {name: 'criteria', label: 'Criteria', required: true, hint: 'Codes of the unit\'s criteria, comma-separated.'},
        {name: 'description', label: 'Description', type: 'textarea', required: true},
        {name: 'file', label: 'File', type: 'file', required: true,
            hint: 'PDF, image, office document or short video, up to 25 MB.'}],
    submit: async (values, formElement) => {
        const data = new FormData();
        data.append('unitCode', values.unitCode);
        data.append('criteria', values.criteria);
        data.append('description', values.description);
        data.append('file', formElement.elements.file.files[0]);
        const answer = await post(base(candidateId) + '/evidence', data);
        notify('Uploaded. SHA-256 ' + answer.sha256);
        setTimeout(refresh, 500);
    }});
    return section('Upload evidence', element);
}

async function judge(candidateId, piece, refresh) {
    // the criteria the file was uploaded against; the others of the unit are judged on their own evidence
    const codes = piece.versions[piece.versions.length - 1].criteria;
    const decided = await dialog({title: 'Judge evidence', intro: 'Tick the criteria this evidence meets; say '
            + 'what is missing for any left unticked.',
        submitLabel: 'Record judgement', fields: [
            ...codes.map(code => ({name: 'met-' + code, label: 'Criterion ' + code + ' met', type: 'checkbox'})),
            {name: 'feedback', label: 'Feedback', type: 'textarea'}],
        submit: values => post(base(candidateId) + '/evidence/' + encodeURIComponent(piece.evidenceId)
            + '/judgement', {version: piece.latestVersion, feedback: values.feedback || '',
            criteria: codes.map(code => ({code, met: values['met-' + code] === true}))})});
    if (decided) {
        notify('Judgement recorded.');
        setTimeout(refresh, 500);
    }
}

async function decideSample(candidateId, unit, refresh) {
    const decided = await dialog({title: 'Sample of ' + unit.unitCode, submitLabel: 'Record decision', fields: [
        {name: 'decision', label: 'Decision', type: 'select', required: true,
            options: [{value: 'AGREED', label: 'Agree with the assessor'},
                {value: 'SENT_BACK', label: 'Send back to the assessor'}]},
        {name: 'feedback', label: 'Feedback', type: 'textarea'}],
    submit: values => post(base(candidateId) + '/units/' + encodeURIComponent(unit.unitCode) + '/sample',
        {decision: values.decision, feedback: values.feedback || ''})});
    if (decided) {
        notify('Decision recorded.');
        setTimeout(refresh, 500);
    }
}

register(
    {path: '/portfolio', nav: 'ePortfolio', summary: 'Evidence, judgements, sign-offs and samples',
        roles: ['ASSESSOR', 'IQA', 'CENTRE_COORDINATOR'], candidate: true, render: portfolioHome},
    {path: '/portfolio/:candidateId', roles: ['ASSESSOR', 'IQA', 'CENTRE_COORDINATOR', 'CENTRE_ADMIN', 'INVIGILATOR',
        'IMI_ADMIN', 'AUDITOR'], candidate: true, render: portfolioPage});
