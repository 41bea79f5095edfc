// Invigilation: find a candidate of the centre, open an online test on one of their qualification's assessments,
// and read them the one-time access key (shown large, with how long it works and what the candidate does next);
// below, the centre's tests opened today, to follow them as they are started and submitted.
import {get, post} from '../api.js';
import {badge, field, h, notify, page, section, table, when} from '../ui.js';
import {register} from '../router.js';
import {currentUser} from '../session.js';
import {candidateLink, debounce, fullName, patiently, percent, qualificationName, qualifications, searchCandidates,
    statusBadge} from './candidate.js';

const REFRESH_EVERY_MS = 30000;

async function invigilationPage(container, params, query) {
    const centreId = currentUser().centreId;
    const library = await qualifications();
    const finder = section('1. Find the candidate');
    const chosen = h('section', {class: 'panel', hidden: true, 'aria-labelledby': 'choose-test-title'});
    const opened = h('section', {class: 'panel opened-key', hidden: true, 'aria-labelledby': 'key-title'});
    const today = h('div', {id: 'attempts-today'});

    // ---- 1. the candidate, found as the invigilator types ----
    const search = field({name: 'q', label: 'Candidate', type: 'search',
        hint: 'Type the candidate\'s name or registration number.',
        attrs: {autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'invigilation-results'}});
    const count = h('p', {class: 'result-count', role: 'status', 'aria-live': 'polite'});
    const results = h('ul', {id: 'invigilation-results', class: 'choices'});
    const searchForm = h('form', {class: 'toolbar', role: 'search', 'aria-label': 'Candidates',
        onsubmit: event => { event.preventDefault(); find(); }}, search);
    finder.append(searchForm, count, results);
    let asked = 0;

    async function find() {
        const q = searchForm.elements.q.value.trim();
        const ticket = ++asked;
        if (!q) {
            count.textContent = '';
            results.textContent = '';
            return;
        }
        try {
            const answer = await searchCandidates(centreId, {q, status: 'REGISTERED', size: 10});
            if (ticket !== asked) {
                return;
            }
            count.textContent = answer.total === 0 ? 'No registered candidate of your centre matches.'
                : answer.total + (answer.total === 1 ? ' candidate matches.' : ' candidates match.')
                + (answer.total > answer.items.length ? ' Showing the first ' + answer.items.length
                    + '; type more to narrow it down.' : '');
            results.textContent = '';
            results.append(...answer.items.map(candidate => h('li', {},
                h('span', {}, h('strong', {}, fullName(candidate)), ' · ',
                    h('span', {class: 'code'}, candidate.registrationNumber), ' · ',
                    qualificationName(library, candidate.qualificationCode)),
                h('button', {type: 'button', class: 'secondary', onclick: () => choose(candidate)},
                    'Choose', h('span', {class: 'visually-hidden'}, ' ' + fullName(candidate))))));
        } catch (error) {
            if (ticket === asked) {
                count.textContent = error.message;
            }
        }
    }
    searchForm.elements.q.addEventListener('input', debounce(find));

    // ---- 2. the assessment, among those of the candidate's qualification ----
    function choose(candidate) {
        const qualification = library.get(candidate.qualificationCode);
        const assessments = qualification ? qualification.assessments : [];
        opened.hidden = true;
        chosen.textContent = '';
        chosen.append(h('h2', {id: 'choose-test-title', tabindex: '-1'}, '2. Choose the test'),
            h('p', {}, candidateLink(candidate), ' · registration number ',
                h('span', {class: 'code'}, candidate.registrationNumber), ' · ',
                qualificationName(library, candidate.qualificationCode)));
        if (!assessments.length) {
            chosen.append(h('p', {class: 'message info'}, 'This qualification has no online tests.'));
        } else {
            const openForm = h('form', {novalidate: true, onsubmit: async event => {
                event.preventDefault();
                const button = openForm.querySelector('button[type="submit"]');
                button.disabled = true;
                try {
                    await open(candidate, assessments.find(a => a.code === openForm.elements.assessmentCode.value));
                } catch (error) {
                    notify(error.message, 'error');
                } finally {
                    button.disabled = false;
                }
            }}, field({name: 'assessmentCode', label: 'Test', type: 'select', required: true,
                value: assessments[0].code, options: assessments.map(a => ({value: a.code,
                    label: a.title + ' (' + a.code + ') · ' + a.questionCount + ' questions · '
                        + a.durationMinutes + ' minutes'}))}),
            h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Open the test')));
            chosen.append(h('p', {class: 'hint'}, 'Opening the test gives a one-time access key for this candidate. '
                + 'Open it when the candidate is seated and ready.'), openForm);
        }
        chosen.hidden = false;
        chosen.querySelector('h2').focus();
    }

    // ---- 3. the key, large, with what the candidate does ----
    async function open(candidate, assessment) {
        const answer = await post('/api/candidates/' + encodeURIComponent(candidate.candidateId)
            + '/assessment-attempts', {assessmentCode: assessment.code});
        const address = location.origin + '/test';
        opened.textContent = '';
        opened.append(
            h('h2', {id: 'key-title', tabindex: '-1'}, 'Access key for ' + fullName(candidate)),
            h('p', {class: 'key-large', id: 'access-key', 'aria-describedby': 'key-validity'}, answer.accessKey),
            h('p', {id: 'key-validity', class: 'key-validity'}, 'Valid until ',
                h('strong', {}, when(answer.validUntil)), '. It works once, for this candidate only. It is not '
                + 'shown again: keep this page open until the candidate has started.'),
            h('h3', {}, 'Tell the candidate'),
            h('ol', {class: 'instructions'},
                h('li', {}, 'Go to ', h('strong', {class: 'code'}, address), ' (no PIN or password is needed).'),
                h('li', {}, 'Enter your registration number: ', h('strong', {class: 'code'},
                    candidate.registrationNumber), '.'),
                h('li', {}, 'Enter the access key: ', h('strong', {class: 'code'}, answer.accessKey),
                    ' (capitals or small letters both work).'),
                h('li', {}, 'Press Start. You have ' + assessment.durationMinutes + ' minutes for '
                    + assessment.questionCount + ' questions; each answer is saved as you choose it, and the test is '
                    + 'submitted automatically when the time is up.')));
        opened.hidden = false;
        notify('Test ' + assessment.code + ' opened for ' + fullName(candidate) + ' (' + candidate.registrationNumber
            + '). Read them the access key.', 'ok');
        opened.querySelector('h2').focus();
        opened.scrollIntoView({block: 'start'});
        await patiently(() => get('/api/assessment-attempts/' + encodeURIComponent(answer.attemptId)), 10)
            .catch(() => null);
        loadToday();
    }

    // ---- the centre's tests opened today ----
    async function loadToday() {
        try {
            const answer = await get('/api/centres/' + encodeURIComponent(centreId)
                + '/assessment-attempts?size=200');
            const midnight = new Date();
            midnight.setUTCHours(0, 0, 0, 0); // times are shown in UTC throughout
            const rows = answer.items.filter(attempt => new Date(attempt.openedAt) >= midnight);
            today.textContent = '';
            today.append(table([
                {label: 'Registration number', value: a => h('a', {href: '#/candidates/'
                    + encodeURIComponent(a.candidateId)}, a.registrationNumber)},
                {label: 'Test', value: a => a.assessmentCode + (a.attemptNumber > 1 ? ' (attempt ' + a.attemptNumber
                    + ')' : '')},
                {label: 'Status', value: a => a.voided ? badge('Voided', 'voided') : statusBadge(a.status)},
                {label: 'Opened', value: a => when(a.openedAt)},
                {label: 'Started', value: a => when(a.startedAt)},
                {label: 'Submitted', value: a => when(a.submittedAt)},
                {label: 'Result', value: a => a.outcome ? [a.score + ' / ' + a.maxScore + ' (' + percent(a.percent)
                    + ') ', badge(a.outcome, a.outcome.toLowerCase())] : ''}],
            rows, 'No tests have been opened at your centre today.', 'Tests opened today, newest first'),
            h('p', {class: 'hint'}, 'Updated at ' + new Date().toLocaleTimeString('en-GB', {hour: '2-digit',
                minute: '2-digit', timeZone: 'UTC'}) + ' UTC; the list refreshes every 30 seconds.'));
        } catch (error) {
            today.textContent = '';
            today.append(h('p', {class: 'message error'}, error.message));
        }
    }

    page(container, 'Invigilation',
        h('p', {class: 'lead'}, 'Open an online test for a candidate of your centre, then read them the access key.'),
        finder, chosen, opened,
        section('Tests opened today', h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'secondary', onclick: loadToday}, 'Refresh')), today));

    const preselected = query.get('candidate');
    if (preselected) {
        try {
            choose(await get('/api/candidates/' + encodeURIComponent(preselected)));
        } catch (error) {
            notify(error.message, 'error');
        }
    } else {
        searchForm.elements.q.focus();
    }
    await loadToday();
    const timer = setInterval(() => {
        if (!document.body.contains(today)) {
            clearInterval(timer); // another page is shown now
        } else if (!document.hidden) {
            loadToday();
        }
    }, REFRESH_EVERY_MS);
}

register({path: '/invigilation', nav: 'Invigilation', roles: ['INVIGILATOR'],
    summary: 'Open an online test for a candidate and read them the access key.', render: invigilationPage});
