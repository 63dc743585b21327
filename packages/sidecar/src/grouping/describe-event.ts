import { getFrameFile } from './get-group-key';
import {
  readExceptions,
  readMessage,
  readObject,
  readString,
  readTopFrame,
  type EventShape,
} from './event-shape';

/** How an issue is shown in a list: a title and the place in the code it comes from. */
export interface EventDescription {
  title: string;
  culprit: string | undefined;
}

const MAX_TITLE_LENGTH = 200;

/** The title (`TypeError: x is undefined`, or the message) and culprit (`handler (src/app.js)`). */
export function describeEvent(event: EventShape): EventDescription {
  const thrown = readExceptions(event).pop();
  if (!thrown) {
    // the title shows the message as sent; grouping uses the template
    const formatted = readString(readObject(event.logentry)?.['formatted']);
    return {
      title: clip(formatted ?? readMessage(event) ?? readString(event.transaction) ?? '<no message>'),
      culprit: undefined,
    };
  }
  const type = readString(thrown.type);
  const value = readString(thrown.value);
  const title = type && value ? `${type}: ${value}` : (type ?? value ?? 'Error');
  const frame = readTopFrame(thrown);
  const fn = readString(frame?.function);
  const culprit = frame
    ? fn && fn !== '?'
      ? `${fn} (${getFrameFile(frame)})`
      : getFrameFile(frame)
    : readString(event.transaction);
  return { title: clip(title), culprit };
}

function clip(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > MAX_TITLE_LENGTH ? `${line.slice(0, MAX_TITLE_LENGTH - 1)}…` : line;
}
