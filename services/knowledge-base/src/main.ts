import 'reflect-metadata';
import { runStandaloneMain, startStandaloneService } from '@sfp/service-kit';
import { knowledgeBaseService } from './knowledge-base.service';

/** `npx nx run knowledge-base:serve`: the knowledge base on its own, against KAFKA_BROKERS and MONGODB_URI. */
runStandaloneMain('knowledge base', () => startStandaloneService(knowledgeBaseService));
