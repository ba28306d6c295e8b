import 'reflect-metadata';
import { runStandaloneMain, startStandaloneService } from '@sfp/service-kit';
import { innovationResearchService } from './innovation-research.service';

/** `npm run start:innovation-research`: research on its own, against KAFKA_BROKERS and MONGODB_URI. */
runStandaloneMain('innovation research', () => startStandaloneService(innovationResearchService));
