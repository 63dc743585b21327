export { describeEvent, type EventDescription } from './describe-event';
export {
  readExceptions,
  readFrames,
  readMessage,
  readObject,
  readString,
  readTopFrame,
  type EventShape,
  type ExceptionShape,
  type FrameShape,
} from './event-shape';
export { getFrameFile, getGroupingComponents, getGroupKey } from './get-group-key';
