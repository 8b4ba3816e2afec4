/** The package's parts as inflated once (by the container check): names in zip order, text on demand. */
export class PackageParts {
  private readonly data = new Map<string, Uint8Array>();
  private readonly order: string[] = [];
  private readonly decoder = new TextDecoder();

  add(name: string, data: Uint8Array | undefined): void {
    this.order.push(name);
    if (data) this.data.set(name, data);
  }

  names(): string[] {
    return this.order;
  }

  has(name: string): boolean {
    return this.data.has(name);
  }

  text(name: string): string | undefined {
    const d = this.data.get(name);
    return d && this.decoder.decode(d);
  }
}
