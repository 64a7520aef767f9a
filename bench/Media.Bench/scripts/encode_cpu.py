#!/usr/bin/env python3
"""Where the chunk encodes' CPU goes: CPU seconds (user+sys of each ffmpeg, exact, from wait4) of the one-command
baseline and of the pipeline's chunk encodes run by hand with the node's own arguments (ChunkEncoder.BuildLadderArguments,
ChunkPictureAnalysis.FilterBranch, ChunkItemGroups, TranscodeStep.SampledFrames, SourceSplitter.BuildArguments), on
the clip Media.Bench generates (60 s testsrc2 1280x720 25 fps + a tone, keyframes every 2 s).

usage: encode_cpu.py SCENARIO...   (scenarios below; the work folder is $ENCODE_CPU_DIR, default /tmp/encode-cpu)
Two encodes run at a time (as the node's two slots do) unless a scenario says one.
"""
import csv, os, subprocess, sys, shutil, time
from concurrent.futures import ThreadPoolExecutor

W = os.environ.get('ENCODE_CPU_DIR', '/tmp/encode-cpu')
PREFIX = ['ffmpeg', '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-nostats']
# LadderPolicy.Default for 1280x720 25 fps: name, w, h, kbps, maxrate (1.5x), bufsize (2x), level
RUNGS = [('240p', 426, 240, 400, 600, 800, '3.0'), ('360p', 640, 360, 800, 1200, 1600, '3.0'),
         ('480p', 854, 480, 1400, 2100, 2800, '3.0'), ('720p', 1280, 720, 3000, 4500, 6000, '3.1')]
KF = 'expr:gte(t,n_forced*2)'

def vf(w, h, fmt=True, flags='bicubic'):
    return f'scale={w}:{h}:flags={flags},setsar=1' + (',format=yuv420p' if fmt else '')

def source():
    path = f'{W}/src.mp4'
    if not os.path.exists(path):  # BenchSource: ClipArguments.TestPicture(60, 1280, 720, preset veryfast, audio 192k)
        os.makedirs(W, exist_ok=True)
        subprocess.run(['ffmpeg', '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=60',
                        '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=60', '-c:v', 'libx264', '-preset', 'veryfast',
                        '-pix_fmt', 'yuv420p', '-force_key_frames', 'expr:gte(t,n_forced*2)', '-sc_threshold', '0',
                        '-c:a', 'aac', '-b:a', '192k', '-shortest', '-movflags', '+faststart', path], check=True)
    return path

def chunks(seconds):
    d = f'{W}/chunks{seconds}'
    if not os.path.exists(f'{d}/chunks.csv'):  # SourceSplitter.BuildArguments
        src = source(); os.makedirs(d, exist_ok=True)
        subprocess.run(['ffmpeg', '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', src, '-map', '0:v:0', '-an', '-sn', '-dn',
                        '-c', 'copy', '-f', 'segment', '-segment_time', str(seconds), '-reset_timestamps', '1', '-segment_format', 'matroska',
                        '-segment_list', 'chunks.csv', '-segment_list_type', 'csv', 'chunk_%05d.mkv'], cwd=d, check=True)
    rows = list(csv.reader(open(f'{d}/chunks.csv')))
    return [(i, f'{d}/{r[0]}', float(r[2]) - float(r[1])) for i, r in enumerate(rows)]

def frames(path):
    out = subprocess.run(['ffprobe', '-v', 'error', '-count_packets', '-select_streams', 'v:0', '-show_entries',
                          'stream=nb_read_packets', '-of', 'csv=p=0', path], capture_output=True, text=True).stdout
    return int(out.strip())

def qc_branch(n_frames, sample, scale=None):
    pre = f'scale={scale}:flags=fast_bilinear,' if scale else ''
    det = f"[qc]{pre}blackdetect=d=0:pix_th=0.1,freezedetect=n=-55dB:d=0.1,metadata=mode=print:file='pipe\\:2'"
    if not sample: return det + ',nullsink', []
    step = max(1, (n_frames + sample - 1) // sample)
    return (det + f",split=2[qcn][qcpx];[qcn]nullsink;[qcpx]select='not(mod(n\\,{step}))',format=gray[qcgray]",
            ['-map', '[qcgray]', '-fps_mode', 'passthrough', '-c:v', 'pgm', '-f', 'image2pipe', 'pipe:1'])

def ladder(chunk, rungs, out, qc=None, threads='1', fmt=True, x264=None, flags='bicubic', qc_scale=None):
    idx, path, _ = chunk
    n = len(rungs); b = n + (1 if qc is not None else 0)
    g = f'[0:v:0]split={b}' + ''.join(f'[s{i}]' for i in range(n)) + ('[qc]' if qc is not None else '') + ';' + \
        ';'.join(f'[s{i}]{vf(r[1], r[2], fmt, flags)}[v{i}]' for i, r in enumerate(rungs))
    extra = []
    if qc is not None:
        br, extra = qc_branch(frames(path), qc, qc_scale); g += ';' + br
    t = [] if threads is None else ['-threads', threads]
    ft = [] if threads is None else ['-filter_threads', threads]
    args = PREFIX + t + ['-noautorotate', '-i', path] + ft + ['-filter_complex', g]
    for i, r in enumerate(rungs):
        args += ['-map', f'[v{i}]', '-an', '-sn', '-dn', '-fps_mode', 'passthrough', '-c:v', 'libx264', '-preset', 'veryfast',
                 '-profile:v', 'high', '-level:v', r[6], '-b:v', f'{r[3]}k', '-maxrate', f'{r[4]}k', '-bufsize', f'{r[5]}k',
                 '-force_key_frames', KF, '-sc_threshold', '0'] + (x264 or []) + t + ['-f', 'mp4', f'{out}/{idx:05d}_{r[0]}.mp4']
    return args + extra

def sampled(k, n, frames_total=30, least=5):
    samplers = max(1, min(frames_total // least, n))
    if k > 0 and k * samplers // n == (k - 1) * samplers // n: return 0
    return max(least, (frames_total + samplers - 1) // samplers)

def items_today(cs, out, **kw):
    n = len(cs); jobs = []
    for c in cs:
        k = c[0]; qc = sampled(k, n)
        if k == 0: groups = [[r] for r in RUNGS]
        elif k == n - 1: groups = [[r] for r in reversed(RUNGS)]
        else: groups = [RUNGS]
        for gr in groups:
            jobs.append(ladder(c, gr, out, qc=qc if any(r[0] == '720p' for r in gr) else None, **kw))
    return jobs

def items_halves(cs, out, **kw):
    # ChunkItemGroups after the change: first chunk 240p, then 360p+480p+720p; last chunk 720p, then 240p+360p+480p
    n = len(cs); jobs = []
    for c in cs:
        k = c[0]; qc = sampled(k, n)
        if k == 0: groups = [RUNGS[:1], RUNGS[1:]]
        elif k == n - 1: groups = [RUNGS[3:], RUNGS[:3]]
        else: groups = [RUNGS]
        for gr in groups:
            jobs.append(ladder(c, gr, out, qc=qc if any(r[0] == '720p' for r in gr) else None, **kw))
    return jobs

def items_whole(cs, out, qc=True, **kw):
    n = len(cs)
    return [ladder(c, RUNGS, out, qc=sampled(c[0], n) if qc else None, **kw) for c in cs]

def baseline(out):
    g = '[0:v]split=4' + ''.join(f'[s{i}]' for i in range(4)) + ';' + ';'.join(f'[s{i}]{vf(r[1], r[2])}[v{i}]' for i, r in enumerate(RUNGS))
    a = ['ffmpeg', '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', source(), '-filter_complex', g]
    for i, r in enumerate(RUNGS):
        a += ['-map', f'[v{i}]', f'-c:v:{i}', 'libx264', f'-preset:v:{i}', 'veryfast', f'-profile:v:{i}', 'high', f'-level:v:{i}', r[6],
              f'-b:v:{i}', f'{r[3]}k', f'-maxrate:v:{i}', f'{r[4]}k', f'-bufsize:v:{i}', f'{r[5]}k']
    a += ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000', '-force_key_frames', KF, '-sc_threshold', '0',
          '-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4', '-master_pl_name', 'master.m3u8',
          '-var_stream_map', ' '.join(f'v:{i},agroup:aud,name:{r[0]}' for i, r in enumerate(RUNGS)) + ' a:0,agroup:aud,name:audio',
          '-hls_segment_filename', f'{out}/%v_%05d.m4s', f'{out}/%v.m3u8']
    return [a]

def run(args):
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0: raise SystemExit('failed: ' + ' '.join(args))
    return ru.ru_utime + ru.ru_stime

def measure(name, jobs, parallel=2):
    t = time.time()
    with ThreadPoolExecutor(parallel) as ex: cpu = list(ex.map(run, jobs))
    print(f'{name:70s} {len(jobs):3d} procs {sum(cpu):6.1f} CPU-s  (wall {time.time() - t:5.1f} s, load {os.getloadavg()[0]:.1f})', flush=True)
    return sum(cpu)

def fresh(name):
    d = f'{W}/out/{name}'; shutil.rmtree(d, ignore_errors=True); os.makedirs(d); return d

SCENARIOS = {
    'a': ('(a) one-command baseline (1 ffmpeg, threads auto)', lambda: baseline(fresh('a')), 1),
    'b21': ('(b) 4 s chunks, 21 items (first/last chunk per rung, before), QC branch', lambda: items_today(chunks(4), fresh('b'))),
    'b17': ('(b) 4 s chunks, 17 items (first/last chunk in two, now), QC branch', lambda: items_halves(chunks(4), fresh('b17'))),
    'b1': ('(b1) 4 s chunks, 15 items (one per chunk), QC branch', lambda: items_whole(chunks(4), fresh('b1'))),
    'c8': ('(c) 8 s chunks, 8 items, QC branch', lambda: items_whole(chunks(8), fresh('c8'))),
    'c16': ('(c) 16 s chunks, 4 items, QC branch', lambda: items_whole(chunks(16), fresh('c16'))),
    'c60': ('(c) whole source as 1 chunk (60 s), QC branch', lambda: items_whole([(0, source(), 60.0)], fresh('c60')), 1),
    'd': ('(d) 4 s chunks, 15 items, no QC branch', lambda: items_whole(chunks(4), fresh('d'), qc=False)),
    'dq': ('(d) 4 s chunks, 15 items, QC branch on a 320x180 picture', lambda: items_whole(chunks(4), fresh('dq'), qc_scale='320:180')),
    'e_nofmt': ('(e) as (d), no format=yuv420p', lambda: items_whole(chunks(4), fresh('e1'), qc=False, fmt=False)),
    'e_thr2': ('(e) as (d), -threads 2 (1 at a time)', lambda: items_whole(chunks(4), fresh('e2'), qc=False, threads='2'), 1),
    'e_thrauto': ('(e) as (d), threads auto (1 at a time)', lambda: items_whole(chunks(4), fresh('e3'), qc=False, threads=None), 1),
    'e_a_thr1': ('(e) baseline with -threads 1 everywhere', None, 1),
    'e_bilinear': ('(e) as (d), scale flags=bilinear', lambda: items_whole(chunks(4), fresh('e4'), qc=False, flags='bilinear')),
    'e_decode': ('(e) decode only: 15 chunks -threads 1 -f null', lambda: [PREFIX + ['-threads', '1', '-i', c[1], '-f', 'null', '-'] for c in chunks(4)]),
    'e_decode_src': ('(e) decode only: whole source -threads 1 -f null', lambda: [PREFIX + ['-threads', '1', '-i', source(), '-an', '-f', 'null', '-']], 1),
    'e_scale': ('(e) decode+split+scale, no encode: 15 chunks', lambda: [a[:a.index('-map')] + [x for i in range(4) for x in ['-map', f'[v{i}]', '-f', 'null', '-']] for a in items_whole(chunks(4), fresh('e5'), qc=False)]),
    'e_qconly': ('(e) decode + QC branch only: 15 chunks', None),
}

if __name__ == '__main__':
    if len(sys.argv) < 2 or any(k not in SCENARIOS for k in sys.argv[1:]):
        sys.exit(__doc__ + '\nscenarios: ' + ', '.join(SCENARIOS))
    for key in sys.argv[1:]:
        name, make, *par = SCENARIOS[key]
        if key == 'e_a_thr1':
            jobs = baseline(fresh('a1')); a = jobs[0]
            i = a.index('-i'); a[i:i] = ['-threads', '1', '-filter_threads', '1']
            j = a.index('hls') - 1; a[j:j] = ['-threads', '1']
        elif key == 'e_qconly':
            jobs = []
            for c in chunks(4):
                br, extra = qc_branch(frames(c[1]), sampled(c[0], 15))
                g = '[0:v:0]' + br.replace('[qc]', '', 1)
                if not extra: g = g.replace(',nullsink', '[o]'); extra = ['-map', '[o]', '-f', 'null', '-']
                jobs.append(PREFIX + ['-threads', '1', '-i', c[1], '-filter_threads', '1', '-filter_complex', g] + extra)
        else:
            jobs = make()
        measure(name, jobs, par[0] if par else 2)
