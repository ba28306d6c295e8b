import 'reflect-metadata';
import { runStandaloneMain, startStandaloneService } from '@sfp/service-kit';
import { trainingService } from './training.service';

/** `npm run start:training`: training on its own, against KAFKA_BROKERS and MONGODB_URI. */
runStandaloneMain('training', () => startStandaloneService(trainingService));
