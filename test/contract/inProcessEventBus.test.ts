import { InProcessEventBus } from '../../src/realtime/InProcessEventBus';
import { describeEventBusContract } from './eventBusContract';

describeEventBusContract('in-process', () => Promise.resolve(new InProcessEventBus()));
