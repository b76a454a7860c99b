"""The Challenge Lab has no multiple-choice question: the challenge *is* the prediction — the
student's kernel is the guess and :func:`app.backend.challenges.score` grades it; the answer is
revealed on request (:func:`app.ui.predict.reveal_button`, key :data:`REVEAL`)."""

REVEAL = "q_ch_answer"
