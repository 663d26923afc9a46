// The open documents' pipelines, by document name, shared by every screen that shows a document (reference
// counted, like openDocs). Readers find a document's derived data here by name.
import { documentDocName } from '../../../../common/rooms';
import { getCatalogRow, putCatalogRow } from '../catalogDb';
import { catalogSink } from './catalogSink';
import { searchSink } from './searchSink';
import { searchStore } from '../searchStore';
import { DocumentPipeline, type DerivedSink, type PipelineInput } from './documentPipeline';

type SinkFactory = (input: PipelineInput) => DerivedSink;

export class DerivedDocs {
  private readonly entries = new Map<string, { pipeline: DocumentPipeline; refs: number }>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly sinkFactories: readonly SinkFactory[]) {}

  /** Starts (or shares) the pipeline of an open document; the returned function releases it. */
  acquire(input: PipelineInput): () => void {
    const name = documentDocName(input.workspaceId, input.docId);
    let entry = this.entries.get(name);
    if (!entry) {
      entry = { pipeline: new DocumentPipeline(input, this.sinkFactories.map((make) => make(input))), refs: 0 };
      this.entries.set(name, entry);
      this.notify();
    }
    entry.refs++;
    const e = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--e.refs > 0) return;
      this.entries.delete(name);
      e.pipeline.destroy();
      this.notify();
    };
  }

  get(name: string): DocumentPipeline | undefined {
    return this.entries.get(name)?.pipeline;
  }

  /** Called when a pipeline starts or stops. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify() {
    for (const l of this.listeners) l();
  }
}

export const derivedDocs = new DerivedDocs([() => catalogSink(putCatalogRow, getCatalogRow), () => searchSink(searchStore)]);
