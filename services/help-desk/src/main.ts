import 'reflect-metadata';
import { runStandaloneMain, startStandaloneService } from '@sfp/service-kit';
import { helpDeskService } from './help-desk.service';

/** `npm run start:help-desk`: the help desk on its own, against KAFKA_BROKERS and MONGODB_URI. */
runStandaloneMain('help desk', () => startStandaloneService(helpDeskService));
