/** Shared setup for every unit test: a fresh in-memory IndexedDB (fake-indexeddb), never a mock of the database. */
import 'fake-indexeddb/auto';
