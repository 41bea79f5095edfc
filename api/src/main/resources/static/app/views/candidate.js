// The registration portal: finding candidates as you type, a candidate's record (results, certificate, history),
// registering one candidate or a CSV file of them, and amending, transferring, withdrawing and reinstating with a
// reason. Only the public API is used; the server decides who may do what, the page only hides what a role can't.
import {api, get, post} from '../api.js';
import {askReason, badge, day, details, dialog, field, flash, form, h, notify, page, pager, section, showErrors,
    table, when, words} from '../ui.js';
import {go, register} from '../router.js';
import {currentUser, hasRole, isImiStaff} from '../session.js';
import {postResultsSection} from './post-results.js';
import {ARRANGEMENT_READERS, arrangementsSection} from './arrangement.js';
import {PRIVACY_READERS, privacySection} from './privacy.js';

const REGISTRARS = ['IMI_ADMIN', 'CENTRE_COORDINATOR', 'CENTRE_ADMIN'];
const STATUSES = [{value: '', label: 'Any status'}, {value: 'REGISTERED', label: 'Registered'},
    {value: 'WITHDRAWN', label: 'Withdrawn'}, {value: 'CERTIFICATED', label: 'Certificated'}];
const SEARCH_DELAY_MS = 300;

// ---- shared with the invigilation page ----------------------------------------------------------------------

/** Waits a moment: reads are eventually consistent, so a record made a moment ago may not be there yet. */
export const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Calls load() again while it answers 404 (a record created a moment ago), for up to about five seconds. */
export async function patiently(load, tries = 16) {
    for (let attempt = 1; ; attempt++) {
        try {
            return await load();
        } catch (error) {
            if (error.status !== 404 || attempt >= tries) {
                throw error;
            }
            await pause(300);
        }
    }
}

/** Calls fn once the user has stopped typing for a moment. */
export function debounce(fn, ms = SEARCH_DELAY_MS) {
    let timer;
    return (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => fn(...args), ms);
    };
}

/**
 * One page of candidates: a centre's (centreId given, or the user's own centre), or for IMI staff every centre's.
 * params: {q, status, qualificationCode, page, size}.
 */
export function searchCandidates(centreId, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            query.set(name, value);
        }
    }
    const centre = centreId || (isImiStaff() ? null : currentUser().centreId);
    const path = centre ? '/api/centres/' + encodeURIComponent(centre) + '/candidates' : '/api/candidates';
    return get(path + '?' + query);
}

let qualificationsCache = null;

/** The qualification library, by code (the catalogue changes rarely; read once per page load of the app). */
export async function qualifications() {
    if (!qualificationsCache) {
        qualificationsCache = get('/api/qualifications').then(list => new Map(list.map(q => [q.code, q])))
            .catch(error => {
                qualificationsCache = null;
                throw error;
            });
    }
    return qualificationsCache;
}

export function qualificationName(library, code) {
    const qualification = library.get(code);
    return qualification ? qualification.title + ' (' + code + ')' : code;
}

/** The centres this user can see, by name: every centre for IMI staff, their own for a centre user. */
async function visibleCentres() {
    const centres = [];
    for (let pageNumber = 0; ; pageNumber++) {
        const answer = await get('/api/centres?size=200&page=' + pageNumber);
        centres.push(...answer.items);
        if (!answer.items.length || centres.length >= answer.total) {
            return centres;
        }
    }
}

function centreName(centre) {
    return centre.name + (centre.centreNumber ? ' (' + centre.centreNumber + ')' : '');
}

export function fullName(candidate) {
    return candidate.firstName + ' ' + candidate.lastName;
}

export function candidateLink(candidate) {
    return h('a', {href: '#/candidates/' + encodeURIComponent(candidate.candidateId)}, fullName(candidate));
}

export function statusBadge(status) {
    return badge(words(status), String(status).toLowerCase());
}

function isRegistrar() {
    return hasRole(...REGISTRARS);
}

// ---- the ULN check, with the server's own words ---------------------------------------------------------------

/** The server's refusal of a ULN, or null when it is acceptable (blank: no ULN). The same rule as the server's. */
export function ulnProblem(text) {
    const uln = (text || '').trim();
    if (!uln) {
        return null;
    }
    if (!/^[1-9][0-9]{9}$/.test(uln)) {
        return 'a ULN is 10 digits and does not start with 0';
    }
    let sum = 0;
    for (let i = 0; i < 9; i++) {
        sum += Number(uln[i]) * (10 - i);
    }
    const remainder = sum % 11;
    return remainder !== 0 && Number(uln[9]) === 10 - remainder ? null
        : uln + ' is not a valid ULN: its check digit does not match';
}

/** Shows (or clears) a problem beside one field of a form, as the server's field errors are shown. */
function markField(formElement, name, message) {
    const holder = formElement.querySelector('[data-field="' + name + '"]');
    if (!holder) {
        return;
    }
    const text = holder.querySelector('.field-error');
    const control = holder.querySelector('input, select, textarea');
    holder.classList.toggle('invalid', !!message);
    text.textContent = message || '';
    text.hidden = !message;
    if (message) {
        control.setAttribute('aria-invalid', 'true');
    } else {
        control.removeAttribute('aria-invalid');
    }
}

// ---- finding candidates -----------------------------------------------------------------------------------

async function candidatesPage(container, params, query) {
    const imi = isImiStaff();
    const [library, centres] = await Promise.all([qualifications(), visibleCentres()]);
    const centresById = new Map(centres.map(centre => [centre.centreId, centre]));
    const state = {q: query.get('q') || '', status: query.get('status') || '',
        qualificationCode: query.get('qualificationCode') || '', centre: imi ? query.get('centre') || '' : '',
        page: Math.max(0, Number(query.get('page')) || 0)};

    const ownCentre = imi ? null : centresById.get(currentUser().centreId);
    const offered = ownCentre ? ownCentre.qualificationCodes : [...library.keys()];
    const searchBox = field({name: 'q', label: 'Find a candidate', type: 'search', value: state.q,
        hint: 'Type a name (or the start of one), a registration number or a ULN. Results follow as you type.',
        attrs: {autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'candidate-results'}});
    const statusBox = field({name: 'status', label: 'Status', type: 'select', options: STATUSES, value: state.status});
    const qualificationBox = field({name: 'qualificationCode', label: 'Qualification', type: 'select',
        value: state.qualificationCode, options: [{value: '', label: 'Any qualification'},
            ...offered.map(code => ({value: code, label: qualificationName(library, code)}))]});
    const centreBox = imi ? field({name: 'centre', label: 'Centre', type: 'select', value: state.centre,
        options: [{value: '', label: 'Every centre'}, ...centres.map(centre => ({value: centre.centreId,
            label: centreName(centre)}))]}) : null;
    const count = h('p', {class: 'result-count', role: 'status', 'aria-live': 'polite'});
    const results = h('div', {id: 'candidate-results', class: 'search-results'});
    const filters = h('form', {class: 'toolbar candidate-search', role: 'search', 'aria-label': 'Candidates',
        onsubmit: event => { event.preventDefault(); search(0); }}, searchBox, statusBox, qualificationBox, centreBox);

    let asked = 0;
    async function search(pageNumber) {
        state.q = filters.elements.q.value.trim();
        state.status = filters.elements.status.value;
        state.qualificationCode = filters.elements.qualificationCode.value;
        state.centre = imi ? filters.elements.centre.value : '';
        state.page = pageNumber;
        const ticket = ++asked;
        results.setAttribute('aria-busy', 'true');
        keepInAddress(state);
        try {
            const answer = await searchCandidates(state.centre, {q: state.q, status: state.status,
                qualificationCode: state.qualificationCode, page: state.page, size: 25});
            if (ticket !== asked) {
                return; // a later search has been asked: its answer is the one to show
            }
            count.textContent = answer.total === 0 ? 'No candidates found.'
                : answer.total + (answer.total === 1 ? ' candidate found.' : ' candidates found.');
            results.textContent = '';
            results.append(table([
                {label: 'Name', value: candidateLink},
                {label: 'Registration number', value: c => h('span', {class: 'code'}, c.registrationNumber)},
                {label: 'Qualification', value: c => qualificationName(library, c.qualificationCode)},
                {label: 'Status', value: c => [statusBadge(c.status), c.late ? [' ', badge('Late', 'late')] : null]},
                {label: 'Date of birth', value: c => day(c.dateOfBirth)},
                ...(imi ? [{label: 'Centre', value: c => centresById.has(c.centreId)
                    ? centreName(centresById.get(c.centreId)) : c.centreId}] : [])],
            answer.items, 'No candidate matches. Check the spelling, or search by registration number.'),
            answer.total > answer.size ? pager(answer, search) : null);
        } catch (error) {
            if (ticket === asked) {
                count.textContent = '';
                results.textContent = '';
                results.append(h('p', {class: 'message error', role: 'alert'}, error.message));
            }
        } finally {
            if (ticket === asked) {
                results.removeAttribute('aria-busy');
            }
        }
    }

    const typed = debounce(() => search(0));
    filters.elements.q.addEventListener('input', typed);
    for (const name of ['status', 'qualificationCode', 'centre']) {
        filters.elements[name]?.addEventListener('change', () => search(0));
    }

    const actions = isRegistrar() ? h('div', {class: 'actions page-actions'},
        h('a', {class: 'button', href: '#/candidates/new'}, 'Register a candidate'),
        h('a', {class: 'button secondary', href: '#/candidates/upload'}, 'Upload a CSV file')) : null;
    page(container, 'Candidates',
        h('p', {class: 'lead'}, imi ? 'Candidates of every centre.' : 'Candidates of '
            + (ownCentre ? centreName(ownCentre) : 'your centre') + '.'),
        actions, filters, count, results);
    await search(state.page);
    filters.elements.q.focus();
}

/** The search stays in the address (without a new history entry), so Back returns to the same results. */
function keepInAddress(state) {
    const query = new URLSearchParams();
    for (const name of ['q', 'status', 'qualificationCode', 'centre']) {
        if (state[name]) {
            query.set(name, state[name]);
        }
    }
    if (state.page) {
        query.set('page', state.page);
    }
    const text = query.toString();
    history.replaceState(null, '', '#/candidates' + (text ? '?' + text : ''));
}

// ---- registering one candidate --------------------------------------------------------------------------

/** The centre a registration is for: the user's own, or for IMI_ADMIN one chosen from the approved centres. */
async function registrationCentres() {
    const centres = (await visibleCentres()).filter(centre => centre.status === 'APPROVED');
    if (isImiStaff()) {
        return centres;
    }
    return centres.filter(centre => centre.centreId === currentUser().centreId);
}

function qualificationOptions(library, centre) {
    const codes = centre ? centre.qualificationCodes : [];
    return [{value: '', label: codes.length ? 'Choose a qualification' : 'No qualifications offered'},
        ...codes.map(code => ({value: code, label: qualificationName(library, code)}))];
}

/** A select whose options are replaced (the qualifications of the centre chosen). */
function replaceOptions(select, options) {
    select.textContent = '';
    select.append(...options.map(option => h('option', {value: option.value}, option.label)));
}

function centreChoice(centres, query) {
    if (!isImiStaff()) {
        return null;
    }
    return field({name: 'centreId', label: 'Centre', type: 'select', required: true, value: query.get('centre') || '',
        options: [{value: '', label: 'Choose a centre'}, ...centres.map(centre => ({value: centre.centreId,
            label: centreName(centre)}))]});
}

function cannotRegister(container, title) {
    page(container, title, h('p', {class: 'message info'}, isImiStaff()
        ? 'No centre is approved at the moment, so no candidate can be registered.'
        : 'Your centre is not approved at the moment, so it cannot register candidates. '
        + 'Contact IMI through a hub request if you think this is wrong.'));
}

async function registerPage(container, params, query) {
    const [library, centres] = await Promise.all([qualifications(), registrationCentres()]);
    if (!centres.length) {
        return cannotRegister(container, 'Register a candidate');
    }
    const centreFor = id => centres.find(centre => centre.centreId === id) || (isImiStaff() ? null : centres[0]);
    const chooser = centreChoice(centres, query);
    const duplicate = h('div', {class: 'duplicate', hidden: true});
    const registration = form({id: 'register-form', submitLabel: 'Register', fields: [
        chooser,
        {name: 'firstName', label: 'First name', required: true, attrs: {autocomplete: 'off', maxlength: 100}},
        {name: 'lastName', label: 'Last name', required: true, attrs: {autocomplete: 'off', maxlength: 100}},
        {name: 'dateOfBirth', label: 'Date of birth', type: 'date', required: true,
            hint: 'The candidate must be at least 13 when learning starts.'},
        {name: 'uln', label: 'ULN', hint: 'The Unique Learner Number: 10 digits. Leave blank if the candidate '
            + 'has none.', attrs: {inputmode: 'numeric', maxlength: 10, autocomplete: 'off', spellcheck: 'false'}},
        {name: 'qualificationCode', label: 'Qualification', type: 'select', required: true,
            options: qualificationOptions(library, centreFor(query.get('centre')))},
        {name: 'startDate', label: 'Learning start date', type: 'date', hint: 'Blank means today. A registration '
            + 'more than 90 days after the start date is accepted but marked late.'}
    ].filter(Boolean), submit: async values => send(values, false)});
    registration.append(duplicate);

    const ulnInput = registration.elements.uln;
    ulnInput.addEventListener('change', () => markField(registration, 'uln', ulnProblem(ulnInput.value)));
    registration.elements.centreId?.addEventListener('change', event =>
        replaceOptions(registration.elements.qualificationCode,
            qualificationOptions(library, centreFor(event.target.value))));

    async function send(values, confirmDuplicate) {
        duplicate.hidden = true;
        const centre = isImiStaff() ? values.centreId : currentUser().centreId;
        if (!centre) {
            showErrors(registration, {fieldErrors: [{field: 'centreId', message: 'Choose the centre'}]});
            return;
        }
        const body = {firstName: values.firstName, lastName: values.lastName, dateOfBirth: values.dateOfBirth || null,
            uln: values.uln || null, qualificationCode: values.qualificationCode, startDate: values.startDate || null};
        if (confirmDuplicate) {
            body.confirmDuplicate = true;
        }
        try {
            const answer = await post('/api/centres/' + encodeURIComponent(centre) + '/candidates', body);
            flash('Registered ' + values.firstName + ' ' + values.lastName + ': registration number '
                + answer.registrationNumber + (answer.late ? '. This is a late registration (more than 90 days '
                + 'after the start date).' : '.'), 'ok');
            go('/candidates/' + encodeURIComponent(answer.candidateId));
        } catch (error) {
            if (error.status === 409 && error.problem.existingCandidateId) {
                showDuplicate(error, values);
                return;
            }
            throw error;
        }
    }

    function showDuplicate(error, values) {
        duplicate.textContent = '';
        duplicate.append(h('div', {class: 'message info', role: 'alert'},
            h('h2', {}, 'This may be someone already registered'),
            h('p', {}, 'Your centre already has a candidate with the same names, date of birth and qualification: ',
                h('a', {href: '#/candidates/' + encodeURIComponent(error.problem.existingCandidateId)},
                    'registration number ' + error.problem.existingRegistrationNumber), '.'),
            h('p', {}, 'If this really is another person, or a deliberate second registration, register anyway.'),
            h('div', {class: 'actions'}, h('button', {type: 'button', onclick: async event => {
                event.target.disabled = true;
                try {
                    await send(values, true);
                } catch (failure) {
                    showErrors(registration, failure);
                } finally {
                    event.target.disabled = false;
                }
            }}, 'Register anyway'))));
        duplicate.hidden = false;
        notify(error.message, 'error');
    }

    page(container, 'Register a candidate',
        h('p', {class: 'lead'}, 'The candidate gets a registration number at once; they use it to sit online '
            + 'tests. Several at once? ', h('a', {href: '#/candidates/upload'}, 'Upload a CSV file'), '.'),
        h('section', {class: 'panel'}, registration));
    registration.querySelector('input, select').focus();
}

// ---- registering a CSV file -----------------------------------------------------------------------------

const CSV_HEADER = 'firstName,lastName,dateOfBirth,uln,qualificationCode,startDate';

async function uploadPage(container, params, query) {
    const centres = await registrationCentres();
    if (!centres.length) {
        return cannotRegister(container, 'Upload a CSV file of candidates');
    }
    const progress = h('div', {class: 'upload-progress', role: 'status', 'aria-live': 'polite', hidden: true});
    const report = h('div', {id: 'bulk-report'});
    const template = URL.createObjectURL(new Blob([CSV_HEADER + '\r\n'], {type: 'text/csv'}));
    const upload = form({id: 'upload-form', submitLabel: 'Upload and register', fields: [
        centreChoice(centres, query),
        {name: 'file', label: 'CSV file', type: 'file', required: true, attrs: {accept: '.csv,text/csv,text/plain'},
            hint: 'Saved from a spreadsheet as "CSV UTF-8", at most 10,000 candidates.'}
    ].filter(Boolean), submit: async (values, formElement) => {
        const file = formElement.elements.file.files[0];
        const centre = isImiStaff() ? values.centreId : currentUser().centreId;
        if (!centre) {
            showErrors(formElement, {fieldErrors: [{field: 'centreId', message: 'Choose the centre'}]});
            return;
        }
        if (!file) {
            showErrors(formElement, {fieldErrors: [{field: 'file', message: 'Choose the CSV file to upload'}]});
            return;
        }
        report.textContent = '';
        await uploadFile(formElement, centre, file);
    }});

    async function uploadFile(formElement, centre, file) {
        const started = Date.now();
        const bar = h('progress', {'aria-label': 'Registering'});
        const text = h('span', {}, 'Reading ' + file.name + '…');
        progress.textContent = '';
        progress.append(bar, text);
        progress.hidden = false;
        let ticker;
        try {
            let content;
            try {
                // the server refuses bytes that are not UTF-8 in these words; checked here as the text is read
                content = new TextDecoder('utf-8', {fatal: true}).decode(await file.arrayBuffer());
            } catch (e) {
                showErrors(formElement, {fieldErrors: [{field: 'file',
                    message: 'The file is not UTF-8 text; save the spreadsheet as CSV UTF-8'}]});
                return;
            }
            const lines = content.split(/\r\n|\n|\r/).slice(1).filter(line => line.replace(/[,\s]/g, '') !== '').length;
            const describe = () => 'Uploading and registering ' + lines + (lines === 1 ? ' line' : ' lines') + ' of '
                + file.name + '… ' + Math.round((Date.now() - started) / 1000) + ' s';
            text.textContent = describe();
            ticker = setInterval(() => { text.textContent = describe(); }, 1000);
            const answer = await api('POST', '/api/centres/' + encodeURIComponent(centre) + '/candidates/bulk',
                {body: content, contentType: 'text/csv; charset=UTF-8'});
            showReport(answer, file.name);
        } catch (error) {
            if (error.fieldErrors && error.fieldErrors.length) {
                // the file's problems (its header, its encoding, a quote never closed) belong beside the file
                showErrors(formElement, {...error, fieldErrors: error.fieldErrors.map(problem => ({field: 'file',
                    message: (problem.field === 'header' ? 'The header ' : /^is /.test(problem.message) ? 'The file '
                        : '') + problem.message}))});
            } else {
                throw error;
            }
        } finally {
            clearInterval(ticker);
            progress.hidden = true;
        }
    }

    function showReport(answer, name) {
        const accepted = answer.accepted.length;
        const rejected = answer.rejected.length;
        const summary = accepted + (accepted === 1 ? ' candidate' : ' candidates') + ' registered from ' + name
            + (rejected ? '; ' + rejected + (rejected === 1 ? ' line was' : ' lines were') + ' rejected.' : '.');
        notify(summary, rejected ? 'info' : 'ok');
        report.textContent = '';
        report.append(
            rejected ? section('Rejected lines (' + rejected + ')',
                h('p', {}, 'Correct these lines and upload them again; the other lines are registered. Line numbers '
                    + 'are as your spreadsheet shows them, the header being line 1.'),
                table([{label: 'Line', value: r => String(r.line), class: 'number'},
                    {label: 'Problems', value: r => h('ul', {class: 'problems'}, r.errors.map(problem =>
                        h('li', {}, problem.field ? [h('strong', {}, problem.field), ': '] : null, problem.message)))}],
                answer.rejected, '', 'Rejected lines')) : null,
            section('Registered (' + accepted + ')', accepted ? table([
                {label: 'Line', value: a => String(a.line), class: 'number'},
                {label: 'Registration number', value: a => h('a', {href: '#/candidates/'
                    + encodeURIComponent(a.candidateId)}, a.registrationNumber)},
                {label: 'Late', value: a => a.late ? badge('Late', 'late') : 'No'}],
            answer.accepted, '', 'Registered candidates') : h('p', {class: 'empty'}, 'No line was registered.')));
        report.querySelector('h2').setAttribute('tabindex', '-1');
        report.querySelector('h2').focus();
    }

    page(container, 'Upload a CSV file of candidates',
        h('p', {class: 'lead'}, 'Register many candidates at once. Good lines are registered even when others are '
            + 'rejected; you get a report of every line.'),
        h('section', {class: 'panel'},
            h('h2', {}, 'The file'),
            h('p', {}, 'The first line names the columns, in any order:'),
            h('pre', {class: 'csv-header'}, CSV_HEADER),
            h('ul', {},
                h('li', {}, 'Dates as YYYY-MM-DD or DD/MM/YYYY; uln and startDate may be left empty.'),
                h('li', {}, 'A possible duplicate is rejected: register that person singly to confirm them.')),
            h('p', {}, h('a', {href: template, download: 'candidates-template.csv'}, 'Download an empty template'))),
        h('section', {class: 'panel'}, upload, progress),
        report);
}

// ---- a candidate's record ---------------------------------------------------------------------------------

const HISTORY_WORDS = {
    CandidateRegistered: 'Registered', CandidateNameAmended: 'Name amended',
    CandidateDateOfBirthAmended: 'Date of birth amended', CandidateUlnAmended: 'ULN amended',
    CandidateQualificationAmended: 'Qualification amended', CandidateTransferred: 'Transferred to another centre',
    CandidateWithdrawn: 'Withdrawn', CandidateReinstated: 'Reinstated', CandidateCertificated: 'Certificated',
    CandidateCertificateRevoked: 'Certificate revoked'
};
const FIELD_WORDS = {
    registrationNumber: 'Registration number', centreId: 'Centre', firstName: 'First name', lastName: 'Last name',
    dateOfBirth: 'Date of birth', uln: 'ULN', qualificationCode: 'Qualification', startDate: 'Learning start date',
    registeredOn: 'Registered on', late: 'Late registration', confirmedDuplicate: 'Confirmed as not a duplicate',
    status: 'Status', certificateNumber: 'Certificate number'
};
const AMENDABLE = [
    {value: 'FIRST_NAME', label: 'First name', named: 'first name', property: 'firstName'},
    {value: 'LAST_NAME', label: 'Last name', named: 'last name', property: 'lastName'},
    {value: 'DATE_OF_BIRTH', label: 'Date of birth', named: 'date of birth', property: 'dateOfBirth', type: 'date'},
    {value: 'ULN', label: 'ULN', named: 'ULN', property: 'uln', hint: 'Leave blank to remove the ULN.'},
    {value: 'QUALIFICATION', label: 'Qualification', named: 'qualification', property: 'qualificationCode',
        type: 'select'}
];

async function candidatePage(container, params) {
    const id = params.id;
    const library = await qualifications();
    const heading = h('h1', {tabindex: '-1'});
    const body = h('div', {class: 'candidate-record'});
    let record = await loadRecord(id);
    container.textContent = '';
    container.append(heading, body);
    draw();
    container.focus({preventScroll: true});

    function draw() {
        const {candidate, history, attempts, centre} = record;
        document.title = fullName(candidate) + ' · Awarding Hub';
        heading.textContent = '';
        heading.append(fullName(candidate), ' ', statusBadge(candidate.status));
        body.textContent = '';
        body.append(
            actions(candidate),
            h('div', {class: 'record-grid'}, h('div', {}, section('Details', details([
                ['Registration number', h('span', {class: 'code', id: 'registration-number'},
                    candidate.registrationNumber)],
                ['First name', candidate.firstName], ['Last name', candidate.lastName],
                ['Date of birth', day(candidate.dateOfBirth)], ['ULN', candidate.uln || 'None given'],
                ['Qualification', qualificationName(library, candidate.qualificationCode)],
                ['Centre', centre ? centreName(centre) : candidate.centreId],
                ['Learning start date', day(candidate.startDate)],
                ['Registered on', [day(candidate.registeredOn), candidate.late ? [' ', badge('Late', 'late')] : null]],
                ['Status', statusBadge(candidate.status)]])),
            section('Results', attemptsTable(attempts, candidate)),
            postResultsSection(candidate, attempts),
            section('Certificate', certificate(candidate.certificate)),
            hasRole(...ARRANGEMENT_READERS) ? arrangementsSection(candidate) : null,
            hasRole(...PRIVACY_READERS) ? privacySection(candidate) : null),
            section('History', h('p', {class: 'hint'}, 'Every change, newest first, with who made it and why.'),
                historyList(history, centre))));
    }

    function actions(candidate) {
        const buttons = [];
        const status = candidate.status;
        const imiAdmin = hasRole('IMI_ADMIN');
        if (isRegistrar() && (status === 'REGISTERED' || (status === 'CERTIFICATED' && imiAdmin))) {
            buttons.push(h('button', {type: 'button', onclick: () => amend(candidate)}, 'Amend details'));
        }
        if (hasRole('IMI_ADMIN', 'CENTRE_COORDINATOR') && status === 'REGISTERED') {
            buttons.push(h('button', {type: 'button', class: 'secondary', onclick: () => transfer(candidate)},
                'Transfer'));
        }
        if (isRegistrar() && (status === 'REGISTERED' || (status === 'CERTIFICATED' && imiAdmin))) {
            buttons.push(h('button', {type: 'button', class: 'secondary', onclick: () => changeStatus(candidate,
                'withdraw')}, 'Withdraw'));
        }
        if (isRegistrar() && status === 'WITHDRAWN') {
            buttons.push(h('button', {type: 'button', onclick: () => changeStatus(candidate, 'reinstate')},
                'Reinstate'));
        }
        if (hasRole('INVIGILATOR') && status === 'REGISTERED') {
            buttons.push(h('a', {class: 'button secondary', href: '#/invigilation?candidate='
                + encodeURIComponent(candidate.candidateId)}, 'Open a test'));
        }
        return buttons.length ? h('div', {class: 'actions page-actions'}, buttons) : null;
    }

    async function amend(candidate) {
        const centreCodes = record.centre ? record.centre.qualificationCodes : [candidate.qualificationCode];
        const holder = h('div', {class: 'amend-value'});
        const choose = field({name: 'field', label: 'What to amend', type: 'select', required: true,
            options: AMENDABLE.map(option => ({value: option.value, label: option.label}))});
        const showValueFor = code => {
            const spec = AMENDABLE.find(option => option.value === code);
            holder.textContent = '';
            holder.append(field({name: 'value', label: 'New ' + spec.named, type: spec.type || 'text',
                value: candidate[spec.property] || '', hint: spec.hint, required: spec.property !== 'uln',
                options: spec.type === 'select' ? centreCodes.map(code => ({value: code,
                    label: qualificationName(library, code)})) : undefined,
                attrs: spec.property === 'uln' ? {inputmode: 'numeric', maxlength: 10, autocomplete: 'off'}
                    : {autocomplete: 'off'}}));
        };
        choose.querySelector('select').addEventListener('change', event => showValueFor(event.target.value));
        showValueFor('FIRST_NAME');
        const done = await dialog({title: 'Amend ' + fullName(candidate),
            intro: 'Correct one detail. The change is kept in the history with your PIN and the reason.',
            submitLabel: 'Save amendment', fields: [choose, holder, {name: 'reason', label: 'Reason', type: 'textarea',
                required: true, hint: 'Kept in the audit trail with your PIN.'}],
            submit: values => orRefusal(() => post('/api/candidates/' + encodeURIComponent(candidate.candidateId)
                + '/amendments', {field: values.field, value: values.value, reason: values.reason},
            {version: candidate.version}))});
        if (!done || refused(done)) {
            return;
        }
        const spec = AMENDABLE.find(option => option.value === done.field);
        const before = candidate[spec.property] || '';
        const after = done.value || '';
        if (before === after) {
            notify('Nothing changed: the ' + spec.named + ' was already ' + (after || 'blank') + '.', 'info');
            return;
        }
        notify(spec.label + ' amended: ' + (before || 'none') + ' → ' + (after || 'none')
            + '. The change is in the history with your PIN and the reason.', 'ok');
        await refresh((history, now) => history.length > record.history.length && (now[spec.property] || '') === after);
    }

    async function transfer(candidate) {
        let targetField;
        if (hasRole('IMI_ADMIN')) {
            const centres = (await visibleCentres()).filter(centre => centre.status === 'APPROVED'
                && centre.centreId !== candidate.centreId
                && centre.qualificationCodes.includes(candidate.qualificationCode));
            if (!centres.length) {
                notify('No other approved centre offers ' + candidate.qualificationCode + ', so there is nowhere '
                    + 'to transfer this candidate.', 'info');
                return;
            }
            targetField = {name: 'toCentreId', label: 'Receiving centre', type: 'select', required: true,
                options: [{value: '', label: 'Choose a centre'}, ...centres.map(centre => ({value: centre.centreId,
                    label: centreName(centre)}))]};
        } else {
            targetField = {name: 'toCentreNumber', label: 'Receiving centre\'s number', required: true,
                attrs: {autocomplete: 'off', spellcheck: 'false', inputmode: 'numeric', maxlength: 12},
                hint: 'The receiving centre\'s centre number, as on its approval letter. It must be approved for '
                    + candidate.qualificationCode + '.'};
        }
        const done = await dialog({title: 'Transfer ' + fullName(candidate),
            intro: 'The candidate keeps their registration number, details and results.' + (isImiStaff() ? ''
                : ' Your centre will no longer see them.'),
            submitLabel: 'Transfer the candidate', fields: [targetField, {name: 'reason', label: 'Reason',
                type: 'textarea', required: true, hint: 'Kept in the audit trail with your PIN.'}],
            submit: values => orRefusal(() => post('/api/candidates/' + encodeURIComponent(candidate.candidateId)
                + '/transfer', values.toCentreNumber ? {toCentreNumber: values.toCentreNumber, reason: values.reason}
                : {toCentreId: values.toCentreId, reason: values.reason}, {version: candidate.version}))});
        if (!done || refused(done)) {
            return;
        }
        if (isImiStaff()) {
            notify(fullName(candidate) + ' transferred to centre ' + done.centreId + '.', 'ok');
            await refresh(history => history.length > record.history.length);
        } else {
            flash(fullName(candidate) + ' (' + candidate.registrationNumber + ') was transferred to the other '
                + 'centre, and is no longer one of your centre\'s candidates.', 'ok');
            go('/candidates');
        }
    }

    async function changeStatus(candidate, action) {
        const withdraw = action === 'withdraw';
        const done = await askReason((withdraw ? 'Withdraw ' : 'Reinstate ') + fullName(candidate), withdraw
            ? 'A withdrawn candidate cannot be amended, assessed or claimed for until reinstated.'
            : 'The candidate returns to Registered and can be assessed and claimed for again.',
        values => orRefusal(() => post('/api/candidates/' + encodeURIComponent(candidate.candidateId) + '/' + action,
            {reason: values.reason}, {version: candidate.version})),
        withdraw ? 'Withdraw the candidate' : 'Reinstate the candidate');
        if (!done || refused(done)) {
            return;
        }
        notify(fullName(candidate) + (withdraw ? ' is withdrawn.' : ' is reinstated: Registered again.'), 'ok');
        await refresh((history, candidateNow) => candidateNow.status === done.status);
    }

    /** Reads the record again until it shows the change (a moment after the command), then redraws. */
    async function refresh(changed) {
        const focusedLabel = document.activeElement?.textContent;
        for (let attempt = 0; attempt < 20; attempt++) {
            const next = await loadRecord(id);
            if (changed(next.history, next.candidate) || attempt === 19) {
                record = next;
                break;
            }
            await pause(250);
        }
        draw();
        const again = [...body.querySelectorAll('button, a.button')].find(b => b.textContent === focusedLabel);
        (again || heading).focus();
    }
}

/**
 * A dialog's call: a refusal that no correction of the fields can cure (the record's state, access) closes the
 * dialog and is shown on the page, where it can be read; field errors stay in the dialog beside their fields.
 */
async function orRefusal(call) {
    try {
        return await call();
    } catch (error) {
        if (error.status !== undefined && !(error.fieldErrors || []).length) {
            return {refusal: error};
        }
        throw error;
    }
}

function refused(answer) {
    if (answer.refusal) {
        notify(answer.refusal.message, 'error');
        return true;
    }
    return false;
}

async function loadRecord(id) {
    const path = '/api/candidates/' + encodeURIComponent(id);
    const candidate = await patiently(() => get(path));
    const [history, attempts, centre] = await Promise.all([
        get(path + '/history'),
        get(path + '/assessment-attempts').catch(() => candidate.results || []),
        get('/api/centres/' + encodeURIComponent(candidate.centreId)).catch(() => null)]);
    return {candidate, history, attempts, centre};
}

function attemptsTable(attempts, candidate) {
    if (!attempts.length) {
        return h('p', {class: 'empty'}, candidate.status === 'REGISTERED'
            ? 'No online test has been opened for this candidate yet.' : 'No online tests.');
    }
    return table([
        {label: 'Assessment', value: a => a.assessmentCode},
        {label: 'Attempt', value: a => String(a.attemptNumber), class: 'number'},
        {label: 'Status', value: a => a.voided ? badge('Voided', 'voided') : statusBadge(a.status)},
        {label: 'Opened', value: a => when(a.openedAt)},
        {label: 'Submitted', value: a => when(a.submittedAt)},
        {label: 'Score', value: a => a.score === null || a.score === undefined ? '' : a.score + ' / ' + a.maxScore
            + ' (' + percent(a.percent) + ')', class: 'number'},
        {label: 'Outcome', value: a => [a.outcome ? badge(a.outcome, a.outcome.toLowerCase()) : '',
            a.voided && a.voidReason ? h('span', {class: 'hint block'}, 'Voided: ' + a.voidReason) : null]}],
    attempts, '', 'Online tests, oldest first');
}

export function percent(value) {
    return value === null || value === undefined ? ''
        : Number(value).toLocaleString('en-GB', {maximumFractionDigits: 1}) + '%';
}

function certificate(certificate) {
    if (!certificate) {
        return h('p', {class: 'empty'}, 'No certificate has been issued.');
    }
    return details([
        ['Certificate number', h('span', {class: 'code'}, certificate.certificateNumber)],
        ['Status', badge(words(certificate.status), certificate.status.toLowerCase())],
        ['Awarded to', certificate.holderName],
        ['Qualification', certificate.qualificationCode],
        ['Issued on', day(certificate.issuedOn)],
        ['Replaced by', certificate.replacedBy],
        ['Revoked on', day(certificate.revokedOn)],
        ['Reason', certificate.reason]]);
}

function historyList(history, centre) {
    if (!history.length) {
        return h('p', {class: 'empty'}, 'No changes recorded yet.');
    }
    return h('ol', {class: 'timeline history'}, [...history].reverse().map(entry => h('li', {},
        h('p', {class: 'history-head'}, h('strong', {}, HISTORY_WORDS[entry.type] || entry.type), ' · ',
            h('time', {datetime: entry.at}, when(entry.at)), ' · ',
            entry.actorPin ? ['by PIN ', h('span', {class: 'code actor-pin'}, entry.actorPin),
                entry.actorName ? ' (' + entry.actorName + ')' : ''] : 'by the system'),
        entry.reason ? h('p', {class: 'history-reason'}, 'Reason: ', h('q', {}, entry.reason)) : null,
        changes(entry, centre))));
}

function changes(entry, centre) {
    const shown = (name, value) => {
        if (value === null || value === undefined || value === '') {
            return 'none';
        }
        if (name === 'centreId' && centre && value === centre.centreId) {
            return centreName(centre);
        }
        if (name === 'status') {
            return words(value);
        }
        return value === 'true' ? 'yes' : value === 'false' ? 'no' : value;
    };
    const rows = Object.entries(entry.changes || {});
    if (!rows.length) {
        return null;
    }
    if (entry.type === 'CandidateRegistered') {
        return h('p', {class: 'registered-with'}, rows.map(([name, change], index) => [index ? ' · ' : '',
            (FIELD_WORDS[name] || name) + ': ', h('span', {class: 'new'}, shown(name, change.to))]));
    }
    return h('ul', {class: 'changes'}, rows.map(([name, change]) => h('li', {},
        (FIELD_WORDS[name] || name) + ': ', h('del', {}, shown(name, change.from)),
        h('span', {'aria-hidden': 'true'}, ' → '), h('span', {class: 'visually-hidden'}, ' changed to '),
        h('ins', {}, shown(name, change.to)))));
}

register(
    {path: '/candidates', nav: 'Candidates', summary: 'Find, register and correct candidates; results and history.',
        render: candidatesPage},
    {path: '/candidates/new', roles: REGISTRARS, render: registerPage},
    {path: '/candidates/upload', roles: REGISTRARS, render: uploadPage},
    {path: '/candidates/:id', render: candidatePage});
