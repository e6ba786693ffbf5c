/**
 * A short two-tone beep made with WebAudio (no audio file to download). Browsers only let a page
 * make sound after someone has interacted with it, so `unlock()` runs on the first key or click.
 */
export class EmergencySound {
  private context: AudioContext | null = null;

  unlock(): void {
    const context = this.audioContext();
    if (context?.state === 'suspended') void context.resume().catch(() => undefined);
  }

  play(): void {
    const context = this.audioContext();
    if (!context) return;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime + 0.01;
    [880, 660].forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const at = start + index * 0.18;
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.17);
    });
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private audioContext(): AudioContext | null {
    if (this.context) return this.context;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- older Safari names it webkitAudioContext; the DOM types know only the standard name.
    const Context = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return null;
    try {
      this.context = new Context();
    } catch {
      this.context = null;
    }
    return this.context;
  }
}
