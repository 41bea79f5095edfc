// The candidate's test page (/test): no PIN; the registration number and the invigilator's one-time access key
// start the attempt and give an attempt token. Each answer is saved as it is chosen; the attempt's id and token
// are kept in this tab's sessionStorage, so a reload restores the test from the server's view of the sitting.
// The countdown runs to the server's end time; when it is reached the server submits the test itself.
// A candidate's access arrangements (ADR 0153) come with the sitting: the extra time is already in the end time,
// and the page opens with the approved text size and colour scheme, which the candidate can change at any time.
import {api} from './api.js';
import {form, h, notify, clearNotice} from './ui.js';

const STORAGE_KEY = 'awarding.test';
const ANNOUNCE_AT_MINUTES = [30, 10, 5, 1];
const TEXT_SIZES = {STANDARD: 'Standard', LARGE: 'Large', EXTRA_LARGE: 'Extra large', LARGEST: 'Largest'};
const COLOUR_SCHEMES = {STANDARD: 'Dark on white', CREAM: 'Dark on cream', LIGHT_BLUE: 'Dark on light blue',
    PALE_YELLOW: 'Dark on pale yellow', YELLOW_ON_BLACK: 'Yellow on black'};
const SUBMITTED_BY_TIME_LIMIT = 'The time was up: your test was submitted automatically with the answers you had '
    + 'saved.';
const main = document.getElementById('main');
const timer = document.getElementById('timer');
const timeLeft = document.getElementById('time-left');
const announcer = document.getElementById('time-announcer');
const confirmBox = document.getElementById('confirm-submit');

/** The test being sat: ids, token, the form and answers as saved on the server, and how it is shown. */
let test = null;
let clock = null;

// ---- keeping the attempt across a reload ------------------------------------------------------------------

function stored() {
    try {
        return JSON.parse(sessionStorage.getItem(STORAGE_KEY));
    } catch (e) {
        return null;
    }
}

function persist() {
    if (test) {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify({attemptId: test.attemptId, attemptToken: test.token,
            endsAt: test.endsAt, answers: test.saved, current: test.current, allOnOne: test.allOnOne,
            display: test.display || null, adjustments: test.adjustments || null, result: test.result || null}));
    }
}

function forget() {
    sessionStorage.removeItem(STORAGE_KEY);
    test = null;
    showDisplay(null);
}

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

function call(method, path, body) {
    return api(method, path, {token: test.token, body});
}

/** The candidate's view of the attempt; it is read a moment behind the answers, so a 404 is asked again. */
async function sitting(tries = 12) {
    for (let attempt = 1; ; attempt++) {
        try {
            return await call('GET', '/api/assessment-attempts/' + encodeURIComponent(test.attemptId) + '/sitting');
        } catch (error) {
            if (error.status !== 404 || attempt >= tries) {
                throw error;
            }
            await pause(400);
        }
    }
}

// ---- starting -----------------------------------------------------------------------------------------------

function startPage(message, kind = 'info') {
    stopClock();
    document.title = 'Start your test · Awarding Hub';
    main.textContent = '';
    main.append(h('h1', {}, 'Start your test'),
        h('p', {class: 'lead'}, 'Enter your registration number and the access key your invigilator gives you.'),
        h('section', {class: 'panel'}, form({id: 'start-form', submitLabel: 'Start the test', fields: [
            {name: 'registrationNumber', label: 'Registration number', required: true,
                attrs: {autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 20}},
            {name: 'accessKey', label: 'Access key', required: true, hint: 'As your invigilator gives it. Capitals '
                + 'or small letters both work.', attrs: {autocomplete: 'off', autocapitalize: 'characters',
                spellcheck: 'false', maxlength: 40}}],
        submit: async values => {
            const started = await api('POST', '/api/assessment-attempts/start', {token: null,
                body: {registrationNumber: values.registrationNumber, accessKey: values.accessKey}});
            clearNotice();
            begin(started);
        }})),
        h('p', {class: 'hint'}, 'The time starts when you press Start. Each answer is saved as soon as you choose '
            + 'it; if the page is closed or reloaded, open it again in the same tab to carry on.'));
    if (message) {
        notify(message, kind);
    }
    main.querySelector('input').focus();
}

function begin(started) {
    test = {attemptId: started.attemptId, token: started.attemptToken, endsAt: started.endsAt,
        questions: started.questions, saved: {}, saving: {}, current: 0, allOnOne: false, assessmentCode: null};
    persist();
    showTest(Date.parse(started.endsAt));
    // the server's own count of the seconds left puts the countdown right even if this computer's clock is not
    const sat = test;
    sitting().then(view => {
        if (test !== sat || !clock) {
            return; // closed, submitted or out of time meanwhile
        }
        test.assessmentCode = view.assessmentCode;
        adjust(view.adjustments);
        describeTest();
        if (view.status === 'STARTED') {
            startClock(Date.now() + view.secondsLeft * 1000);
        }
    }).catch(() => {});
}

/** After a reload: the attempt as the server has it, with the answers already chosen. */
async function restore(saved) {
    if (saved.result) {
        // submitted from this page: the result as the server answered it (its view may be a moment behind)
        test = {attemptId: saved.attemptId, token: saved.attemptToken, result: saved.result};
        return showResult(saved.result.result, saved.result.byTimeLimit);
    }
    test = {attemptId: saved.attemptId, token: saved.attemptToken, endsAt: saved.endsAt, questions: [],
        saved: saved.answers || {}, saving: {}, current: saved.current || 0, allOnOne: !!saved.allOnOne,
        assessmentCode: null, display: saved.display || null, adjustments: saved.adjustments || null};
    showDisplay(test.display);
    main.textContent = '';
    main.append(h('h1', {}, 'Your test'), h('p', {role: 'status'}, 'Loading your test…'));
    let view;
    try {
        view = await sitting();
    } catch (error) {
        if (error.status === 401 || error.status === 403) {
            forget();
            return startPage('Your previous test session has ended. To sit a test, enter your registration number '
                + 'and a new access key from your invigilator.', 'info');
        }
        // the attempt is still this tab's: keep its token, and let the candidate try again
        main.textContent = '';
        main.append(h('h1', {tabindex: '-1'}, 'Your test'),
            h('p', {class: 'message error', role: 'alert'}, 'Your test could not be loaded: ' + error.message),
            h('div', {class: 'actions'}, h('button', {type: 'button', onclick: () => restore(saved)}, 'Try again')));
        return;
    }
    test.assessmentCode = view.assessmentCode;
    test.questions = view.questions;
    adjust(view.adjustments);
    for (const question of view.questions) {
        // an answer this page saw saved is newer than, or the same as, the server's view of it
        if (question.chosenOptionId && !test.saved[question.questionId]) {
            test.saved[question.questionId] = question.chosenOptionId;
        }
    }
    test.current = Math.min(test.current, Math.max(0, view.questions.length - 1));
    persist();
    if (view.status !== 'STARTED') {
        return showEnded(view);
    }
    showTest(Date.now() + view.secondsLeft * 1000);
}

// ---- the questions ----------------------------------------------------------------------------------------

function showTest(deadline) {
    document.title = 'Your test · Awarding Hub';
    const total = test.questions.length;
    const blocks = test.questions.map((question, index) => {
        const answered = !!test.saved[question.questionId];
        const status = h('p', {class: 'save-status' + (answered ? ' saved' : ''), role: 'status',
            id: 'status-' + question.questionId}, answered ? 'Saved' : '');
        const set = h('fieldset', {class: 'question', tabindex: '-1', id: 'question-' + question.questionId,
            'aria-describedby': status.id},
        h('legend', {}, h('span', {class: 'question-number'}, 'Question ' + (index + 1) + ' of ' + total),
            h('span', {class: 'stem'}, question.stem)),
        h('div', {class: 'options'}, question.options.map(option => h('label', {class: 'option'},
            h('input', {type: 'radio', name: 'answer-' + question.questionId, value: option.optionId,
                checked: test.saved[question.questionId] === option.optionId,
                onchange: () => choose(question, option.optionId)}),
            h('span', {class: 'letter', 'aria-hidden': 'true'}, option.optionId),
            h('span', {class: 'option-text'}, option.text)))),
        status);
        return set;
    });
    const previous = h('button', {type: 'button', class: 'secondary', id: 'previous',
        onclick: () => goTo(test.current - 1)}, 'Previous');
    const next = h('button', {type: 'button', id: 'next', onclick: () => goTo(test.current + 1)}, 'Next');
    const toggle = h('button', {type: 'button', class: 'secondary', id: 'layout-toggle', onclick: () => {
        test.allOnOne = !test.allOnOne;
        persist();
        layout();
        toggle.focus();
    }});
    const map = h('ol', {class: 'question-map'}, test.questions.map((question, index) => h('li', {},
        h('button', {type: 'button', class: 'map-button', dataset: {question: question.questionId},
            onclick: () => goTo(index)}, String(index + 1)))));
    const submit = h('button', {type: 'button', id: 'submit-test', onclick: () => confirmSubmit()}, 'Submit test');

    main.textContent = '';
    main.append(
        h('h1', {}, 'Your test'),
        h('p', {class: 'lead', id: 'test-description'}),
        h('p', {class: 'adjustments-note', id: 'adjustments-note', hidden: true}),
        h('div', {class: 'test-tools'}, h('p', {id: 'answered-count', class: 'answered-count'}), toggle),
        h('div', {class: 'test-layout'},
            h('form', {class: 'questions', id: 'questions', novalidate: true, 'aria-label': 'Questions',
                onsubmit: event => event.preventDefault()}, blocks,
            h('div', {class: 'actions step-actions'}, previous, next)),
            h('aside', {class: 'panel test-aside', 'aria-labelledby': 'map-title'},
                h('h2', {id: 'map-title'}, 'Questions'),
                h('p', {class: 'hint'}, 'Answered questions are filled in. Choose a number to go to it.'),
                h('nav', {'aria-label': 'Question map'}, map),
                h('div', {class: 'actions'}, submit),
                displaySettings())));

    test.view = {blocks, previous, next, toggle, map, submit};
    describeTest();
    layout();
    startClock(deadline);
    (test.allOnOne ? main : blocks[test.current]).focus({preventScroll: false});
}

function describeTest() {
    const line = document.getElementById('test-description');
    if (line && test) {
        line.textContent = (test.assessmentCode ? 'Test ' + test.assessmentCode + ' · ' : '') + test.questions.length
            + ' questions. Choose one answer for each; it is saved at once. You can change an answer until you '
            + 'submit.';
    }
    const note = document.getElementById('adjustments-note');
    if (note && test) {
        note.textContent = adjustmentsText(test.adjustments);
        note.hidden = !note.textContent;
    }
}

/** One question at a time (with Previous and Next) or all of them on one page. */
function layout() {
    const {blocks, previous, next, toggle} = test.view;
    blocks.forEach((block, index) => { block.hidden = !test.allOnOne && index !== test.current; });
    previous.hidden = next.hidden = test.allOnOne;
    previous.disabled = test.current === 0;
    next.disabled = test.current >= blocks.length - 1;
    toggle.textContent = test.allOnOne ? 'Show one question at a time' : 'Show all questions on one page';
    refreshMap();
}

function goTo(index) {
    const {blocks} = test.view;
    if (index < 0 || index >= blocks.length) {
        return;
    }
    test.current = index;
    persist();
    layout();
    blocks[index].focus({preventScroll: true});
    blocks[index].scrollIntoView({block: test.allOnOne ? 'start' : 'nearest'});
}

function refreshMap() {
    const answered = test.questions.filter(question => test.saved[question.questionId]).length;
    document.getElementById('answered-count').textContent = answered + ' of ' + test.questions.length + ' answered';
    test.view.map.querySelectorAll('button').forEach((button, index) => {
        const questionId = test.questions[index].questionId;
        const isAnswered = !!test.saved[questionId];
        button.classList.toggle('answered', isAnswered);
        button.setAttribute('aria-label', 'Question ' + (index + 1) + (isAnswered ? ', answered' : ', not answered'));
        if (!test.allOnOne && index === test.current) {
            button.setAttribute('aria-current', 'step');
        } else {
            button.removeAttribute('aria-current');
        }
    });
}

// ---- saving each answer as it is chosen --------------------------------------------------------------------

/** The last option chosen for a question is the one saved: changes made while a save is on its way wait for it. */
function choose(question, optionId) {
    const id = question.questionId;
    const slot = test.saving[id] || (test.saving[id] = {wanted: null, running: null});
    slot.wanted = optionId;
    statusOf(id, 'Saving…', 'saving');
    if (!slot.running) {
        slot.running = save(question, slot).finally(() => { slot.running = null; });
    }
}

async function save(question, slot) {
    const id = question.questionId;
    while (test && slot.wanted !== test.saved[id]) {
        const optionId = slot.wanted;
        try {
            await call('PUT', '/api/assessment-attempts/' + encodeURIComponent(test.attemptId) + '/answers/'
                + encodeURIComponent(id), {optionId});
        } catch (error) {
            if (error.status === 409 || error.status === 401) {
                // the time is up, or the test was submitted: what the server has is what counts
                return checkEnded();
            }
            statusOf(id, 'Not saved', 'failed');
            notify('Your answer to question ' + (test.questions.indexOf(question) + 1) + ' was not saved: '
                + error.message + ' Choose it again to try once more.', 'error');
            return;
        }
        test.saved[id] = optionId;
        persist();
        refreshMap();
    }
    if (test) {
        statusOf(id, 'Saved', 'saved');
    }
}

function statusOf(questionId, text, kind) {
    const status = document.getElementById('status-' + questionId);
    if (status) {
        status.textContent = text;
        status.className = 'save-status ' + kind;
    }
}

async function savesFinished() {
    await Promise.all(Object.values(test.saving).map(slot => slot.running).filter(Boolean));
}

// ---- submitting ------------------------------------------------------------------------------------------

async function confirmSubmit() {
    const {submit} = test.view;
    submit.disabled = true;
    await savesFinished();
    submit.disabled = false;
    if (!test || !test.view) {
        return;
    }
    const total = test.questions.length;
    const answered = test.questions.filter(question => test.saved[question.questionId]).length;
    const unsaved = test.questions.filter(question => test.saving[question.questionId]
        && test.saving[question.questionId].wanted !== test.saved[question.questionId]).length;
    const unanswered = total - answered;
    document.getElementById('confirm-text').textContent = (unanswered === 0
        ? 'You have answered all ' + total + ' questions.'
        : 'You have answered ' + answered + ' of ' + total + ' questions. ' + unanswered
            + (unanswered === 1 ? ' question is' : ' questions are') + ' unanswered and will score nothing.')
        + (unsaved ? ' ' + unsaved + (unsaved === 1 ? ' answer was' : ' answers were') + ' not saved: go back '
            + 'and choose ' + (unsaved === 1 ? 'it' : 'them') + ' again.' : '');
    confirmBox.showModal();
    document.getElementById('confirm-no').focus();
}

document.getElementById('confirm-no').addEventListener('click', () => {
    confirmBox.close();
    test?.view?.submit.focus();
});
confirmBox.addEventListener('cancel', event => {
    event.preventDefault();
    confirmBox.close();
    test?.view?.submit.focus();
});
document.getElementById('confirm-yes').addEventListener('click', async event => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
        const result = await call('POST', '/api/assessment-attempts/' + encodeURIComponent(test.attemptId)
            + '/submit');
        confirmBox.close();
        showResult(result, false);
    } catch (error) {
        confirmBox.close();
        if (error.status === 409 || error.status === 401) {
            await checkEnded();
        } else {
            notify('Your test was not submitted: ' + error.message, 'error');
            test?.view?.submit.focus();
        }
    } finally {
        button.disabled = false;
    }
});

// ---- the end: submitted, or the time is up ----------------------------------------------------------------

async function checkEnded() {
    if (!test || test.ending) {
        return;
    }
    let view;
    try {
        view = await sitting();
    } catch (error) {
        return timeUp();
    }
    if (view.status === 'STARTED' && view.paused) {
        return showPause(view); // refused because the invigilator paused the test
    }
    if (view.status === 'STARTED' && view.secondsLeft > 0) {
        notify('Your last answer was not saved. Please choose it again.', 'error');
        return;
    }
    return showEnded(view);
}

function showEnded(view) {
    if (view.status === 'VOIDED') {
        return finished('Your test was cancelled',
            h('p', {class: 'message info'}, 'This attempt was voided by the awarding organisation. Ask your '
                + 'invigilator what happens next.'));
    }
    const byTimeLimit = view.status === 'EXPIRED' || (view.submittedAt && view.endsAt
        && Math.abs(Date.parse(view.submittedAt) - Date.parse(view.endsAt)) < 1000);
    if (view.result) {
        return showResult(view.result, byTimeLimit);
    }
    if (view.status === 'STARTED') {
        return timeUp();
    }
    return finished('Your test has ended', h('p', {class: 'message info'}, byTimeLimit
        ? SUBMITTED_BY_TIME_LIMIT : 'Your test was submitted.'),
    h('p', {}, 'Your result is not available yet. Your invigilator can see it.'));
}

/** The time is up: the server submits the test at its end time; its result is shown as soon as it is marked. */
async function timeUp() {
    if (!test || test.ending) {
        return;
    }
    test.ending = true;
    stopClock();
    document.querySelectorAll('#questions input, #questions button, #submit-test').forEach(control => {
        control.disabled = true;
    });
    if (confirmBox.open) {
        confirmBox.close();
    }
    finished('Time is up', h('p', {class: 'message info', role: 'status'}, SUBMITTED_BY_TIME_LIMIT
        + ' Your result follows in a moment…'));
    for (let attempt = 0; attempt < 60; attempt++) {
        await pause(1000);
        try {
            const view = await sitting();
            if (view.status !== 'STARTED' && view.result) {
                test.ending = false;
                return showEnded(view);
            }
        } catch (error) {
            if (error.status === 401) {
                break;
            }
        }
    }
    finished('Time is up', h('p', {class: 'message info'}, SUBMITTED_BY_TIME_LIMIT),
        h('p', {}, 'Your result is not available here yet; your invigilator can see it.'));
}

function showResult(result, byTimeLimit) {
    if (test && !test.result) {
        test.result = {result, byTimeLimit};
        persist();
    }
    const pass = result.outcome === 'PASS';
    finished('Your result',
        byTimeLimit ? h('p', {class: 'message info', id: 'result-how'}, SUBMITTED_BY_TIME_LIMIT) : null,
        h('div', {class: 'result ' + (pass ? 'pass' : 'fail')},
            h('p', {class: 'result-outcome', id: 'result-outcome'}, result.outcome),
            h('p', {class: 'result-score', id: 'result-score'}, 'You scored ' + result.score + ' out of '
                + result.maxScore + ' (' + percent(result.percent) + ').'),
            h('p', {}, pass ? 'Well done: you passed.' : 'You did not pass this time. Your centre will tell you '
                + 'when you can sit it again.')),
        byTimeLimit ? null : h('p', {id: 'result-how'}, 'You submitted your test.'));
}

function finished(title, ...content) {
    stopClock();
    document.title = title + ' · Awarding Hub';
    main.textContent = '';
    main.append(h('h1', {tabindex: '-1'}, title), ...content, h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', onclick: () => {
            forget();
            startPage('The test is closed. The next candidate can start here.', 'info');
        }}, 'Close this test')));
    main.querySelector('h1').focus();
}

function percent(value) {
    return Number(value).toLocaleString('en-GB', {maximumFractionDigits: 1}) + '%';
}

// ---- the countdown ----------------------------------------------------------------------------------------

function startClock(deadline) {
    stopClock();
    test.deadline = deadline;
    const secondsLeft = () => Math.max(0, Math.ceil((test.deadline - Date.now()) / 1000));
    // minutes already past when the page opened are not announced
    test.announced = new Set(ANNOUNCE_AT_MINUTES.filter(minutes => secondsLeft() <= minutes * 60));
    if (!test.startAnnounced) {
        // once per page: the time there is, in words, for a screen reader (the countdown itself is not live)
        test.startAnnounced = true;
        announcer.textContent = inWords(secondsLeft()) + ' left.';
    }
    const tick = () => {
        const seconds = secondsLeft();
        const hours = Math.floor(seconds / 3600);
        const minutes = Math.floor((seconds % 3600) / 60);
        timeLeft.textContent = (hours ? hours + ':' + String(minutes).padStart(2, '0') : String(minutes)) + ':'
            + String(seconds % 60).padStart(2, '0');
        timer.classList.toggle('warning', seconds <= 5 * 60);
        for (const mark of ANNOUNCE_AT_MINUTES) {
            if (seconds <= mark * 60 && !test.announced.has(mark)) {
                ANNOUNCE_AT_MINUTES.filter(other => other >= mark).forEach(other => test.announced.add(other));
                announcer.textContent = mark === 1 ? '1 minute left.' : mark + ' minutes left.';
            }
        }
        if (seconds === 0) {
            timeUp();
        }
    };
    timer.hidden = false;
    tick();
    clock = setInterval(tick, 1000);
}

/** "1 hour 5 minutes", "25 minutes", "1 minute": whole minutes, rounded up. */
function inWords(seconds) {
    const minutes = Math.ceil(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return [hours ? hours + (hours === 1 ? ' hour' : ' hours') : '',
        rest || !hours ? rest + (rest === 1 ? ' minute' : ' minutes') : ''].filter(Boolean).join(' ');
}

function stopClock() {
    clearInterval(clock);
    clock = null;
    timer.hidden = true;
    timer.classList.remove('warning');
}

// ---- display settings (access arrangements) ------------------------------------------------------------

/**
 * The sitting's adjustments, once known: the page opens with the approved text size and colour scheme, unless the
 * candidate has already chosen their own for this attempt.
 */
function adjust(adjustments) {
    if (!test) {
        return;
    }
    test.adjustments = adjustments || null;
    if (!test.display) {
        test.display = {textSize: adjustments?.textSize || 'STANDARD', colourScheme: adjustments?.colourScheme
            || 'STANDARD', chosen: false};
    }
    persist();
    showDisplay(test.display);
    syncDisplayControls();
    describeTest();
}

function adjustmentsText(adjustments) {
    if (!adjustments) {
        return '';
    }
    const parts = [];
    if (adjustments.extraTimePercent) {
        parts.push(adjustments.extraTimePercent + '% extra time, included in the time shown');
    }
    if (adjustments.restBreaks) {
        parts.push('supervised rest breaks: ask your invigilator');
    }
    if (adjustments.reader) {
        parts.push('a reader');
    }
    if (adjustments.screenReader) {
        parts.push('a screen reader');
    }
    if (adjustments.separateRoom) {
        parts.push('a separate room');
    }
    return parts.length ? 'Your access arrangements: ' + parts.join('; ') + '.' : '';
}

/** The text size and colour scheme on the whole page; null puts the standard display back. */
function showDisplay(display) {
    const root = document.documentElement;
    const size = display?.textSize && display.textSize !== 'STANDARD' ? display.textSize : null;
    const scheme = display?.colourScheme && display.colourScheme !== 'STANDARD' ? display.colourScheme : null;
    if (size) {
        root.dataset.textSize = size;
    } else {
        delete root.dataset.textSize;
    }
    if (scheme) {
        root.dataset.colourScheme = scheme;
    } else {
        delete root.dataset.colourScheme;
    }
}

/** Two groups of radio buttons (arrow keys move within each), remembered for the attempt in this tab. */
function displaySettings() {
    const group = (name, legend, choices, setting) => h('fieldset', {},
        h('legend', {}, legend),
        Object.entries(choices).map(([value, label]) => h('div', {class: 'choice'},
            h('input', {type: 'radio', name, id: name + '-' + value, value,
                checked: (test.display?.[setting] || 'STANDARD') === value,
                onchange: () => {
                    test.display = {...(test.display || {}), [setting]: value, chosen: true};
                    persist();
                    showDisplay(test.display);
                }}),
            h('label', {for: name + '-' + value}, label))));
    return h('section', {class: 'display-settings', 'aria-labelledby': 'display-title'},
        h('h2', {id: 'display-title'}, 'Display'),
        group('text-size', 'Text size', TEXT_SIZES, 'textSize'),
        group('colour-scheme', 'Colour scheme', COLOUR_SCHEMES, 'colourScheme'));
}

function syncDisplayControls() {
    for (const [name, setting] of [['text-size', 'textSize'], ['colour-scheme', 'colourScheme']]) {
        const input = document.getElementById(name + '-' + (test.display?.[setting] || 'STANDARD'));
        if (input) {
            input.checked = true;
        }
    }
}

// ---- paused by the invigilator (ADR 0154) -----------------------------------------------------------------
// While a test is shown, the sitting is asked every few seconds whether the invigilator has paused it (a fire
// alarm, a rest break): the countdown then stands still, the answers wait, and a notice says so; on resume the
// countdown runs on from the time that was left, to the moved end.

const PAUSE_CHECK_MS = 5000;

async function checkPause() {
    if (!test || !test.view || test.ending || test.result || !main.contains(test.view.submit)) {
        return;
    }
    try {
        showPause(await sitting(1));
    } catch (error) {
        // a moment without the server changes nothing here; the next check asks again
    }
}

function showPause(view) {
    if (!test || !test.view || view.status !== 'STARTED') {
        return;
    }
    if (view.paused && !test.paused) {
        test.paused = true;
        stopClock();
        const seconds = Math.max(0, view.secondsLeft);
        timeLeft.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
        timer.hidden = false;
        const notice = h('div', {class: 'message info', id: 'paused-notice', role: 'alert'},
            h('strong', {}, 'Paused by the invigilator'),
            h('p', {}, 'Your time has stopped at ' + timeLeft.textContent + ' left and your answers are kept. '
                + 'Follow your invigilator\'s instructions; the test carries on here when they resume it.'));
        main.querySelector('h1').after(notice);
        main.querySelectorAll('#questions input, #submit-test').forEach(control => { control.disabled = true; });
    } else if (!view.paused && test.paused) {
        test.paused = false;
        document.getElementById('paused-notice')?.remove();
        main.querySelectorAll('#questions input, #submit-test').forEach(control => { control.disabled = false; });
        test.endsAt = view.endsAt;
        persist();
        startClock(Date.now() + view.secondsLeft * 1000);
        announcer.textContent = 'Your test has resumed.';
    }
}

setInterval(checkPause, PAUSE_CHECK_MS);

// ---- on opening the page ----------------------------------------------------------------------------------

const previous = stored();
if (previous && previous.attemptId && previous.attemptToken) {
    restore(previous);
} else {
    startPage();
}
