// The public certificate check: number and code from the form, or from the link of the certificate's QR code
// (/verify?number=...&code=...), asked of the public verification API. It shows only what the API answers.
(function () {
    const form = document.getElementById('verify-form');
    const result = document.getElementById('result');
    const verdict = document.getElementById('verdict');
    const details = document.getElementById('details');
    const dateFormat = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});

    function date(text) {
        return text ? dateFormat.format(new Date(text + 'T00:00:00Z')) : '';
    }

    function show(kind, text, answer) {
        result.className = 'message ' + kind;
        verdict.textContent = text;
        const personal = answer && answer.candidateName;
        details.hidden = !personal;
        if (personal) {
            document.getElementById('holder').textContent = answer.candidateName;
            document.getElementById('qualification').textContent =
                (answer.qualificationTitle || '') + ' (' + answer.qualificationCode + ')';
            document.getElementById('issued').textContent = date(answer.issuedOn);
        }
        result.hidden = false;
    }

    async function verify(number, code) {
        const button = document.getElementById('submit');
        button.disabled = true;
        try {
            const response = await fetch('/api/certificates/' + encodeURIComponent(number) + '/verify?code='
                + encodeURIComponent(code));
            const answer = await response.json().catch(() => ({}));
            if (response.status === 429) {
                show('error', answer.detail || 'Too many checks from here; try again in a minute.');
            } else if (!response.ok) {
                show('error', answer.detail || 'The check did not work; please try again.');
            } else if (answer.valid) {
                show('ok', 'Valid: certificate ' + answer.certificateNumber + ' was issued by Awarding Hub.', answer);
            } else if (answer.status === 'REVOKED') {
                show('error', 'Not valid: certificate ' + answer.certificateNumber + ' was revoked on '
                    + date(answer.revokedOn) + '.', answer);
            } else if (answer.status === 'REPLACED') {
                show('error', 'Not valid: certificate ' + answer.certificateNumber
                    + ' was replaced by a newer certificate. Ask the holder for the new one.');
            } else {
                show('error', 'Not valid: no certificate matches this number and code. Check both as printed.');
            }
        } catch (failure) {
            show('error', 'The system could not be reached; check your connection and try again.');
        } finally {
            button.disabled = false;
        }
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        const number = form.number.value.trim();
        const code = form.code.value.trim();
        if (!number || !code) {
            show('error', 'Enter both the certificate number and the verification code.');
            return;
        }
        verify(number, code);
    });

    const query = new URLSearchParams(window.location.search);
    if (query.get('number') && query.get('code')) {
        form.number.value = query.get('number');
        form.code.value = query.get('code');
        verify(query.get('number'), query.get('code'));
    }
}());
