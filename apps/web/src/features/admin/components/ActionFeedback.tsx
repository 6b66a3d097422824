import { FormAlert } from '../../../components/FormAlert';
import { StatusMessage } from '../../../components/StatusMessage';

export interface Feedback {
  text: string;
  tone: 'info' | 'error';
}

interface ActionFeedbackProps {
  feedback: Feedback | null;
}

/** The outcome of a row action in a list: a polite status, or an alert when it failed. */
export function ActionFeedback({ feedback }: ActionFeedbackProps) {
  return (
    <>
      <StatusMessage message={feedback?.tone === 'info' ? feedback.text : null} />
      <FormAlert>{feedback?.tone === 'error' ? feedback.text : null}</FormAlert>
    </>
  );
}
