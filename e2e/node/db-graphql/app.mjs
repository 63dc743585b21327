// ES modules: graphql and pg imported after the SDK's init, without any loader flag.
import './instrument.mjs';
import http from 'node:http';
import * as graphql from 'graphql';
import pg from 'pg';
import DataLoader from 'dataloader';
import { startServer } from './server.cjs';

startServer(http, graphql, pg, DataLoader);
