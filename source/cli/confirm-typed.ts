// Ask for a name to be typed (deleting a profile): the answer exactly as typed, or null when
// there was none (Ctrl-C, end of input). Comparing it is the caller's job.
import { createInterface } from 'node:readline';

export function askTyped(prompt: string, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string | null> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
    let answered = false;
    const finish = (answer: string | null) => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(answer);
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      finish(null);
    });
    rl.on('close', () => finish(null));
    rl.question(prompt, (answer) => finish(answer.trim()));
  });
}
