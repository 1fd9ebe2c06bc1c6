<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Classroom</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Colours of the diagram and panels; every theme uses a colour-blind-safe map (ColorBrewer RdBu or PuOr).</source>
        <translation>图示和面板的配色；每个主题都使用色盲友好的色图（ColorBrewer RdBu 或 PuOr）。</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on white; blue-white-red colour map (RdBu).</source>
        <translation>白底深色文字；蓝-白-红色图（RdBu）。</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark grey; blue-white-red colour map (RdBu).</source>
        <translation>深灰底浅色文字；蓝-白-红色图（RdBu）。</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>White on black, big text, thick lines; purple-white-orange map (PuOr).</source>
        <translation>黑底白字、大字号、粗线条；紫-白-橙色图（PuOr）。</translation>
    </message>
    <message>
        <source>Next theme</source>
        <translation>下一个主题</translation>
    </message>
    <message>
        <source>Cycle light → dark → high contrast (F7).</source>
        <translation>依次切换：浅色 → 深色 → 高对比度（F7）。</translation>
    </message>
    <message>
        <source>&amp;Classroom mode</source>
        <translation>课堂模式(&amp;C)</translation>
    </message>
    <message>
        <source>Full screen, high contrast, large text, keyboard control and predict-then-reveal (F11 enters and leaves).</source>
        <translation>全屏、高对比度、大字号、键盘操作，以及“先预测，再揭晓”（F11 进入和退出）。</translation>
    </message>
    <message>
        <source>Space play/pause · ←/→ step · Home/End · +/− speed · F8 predict · Enter reveal · F9 panels · F7 theme · F11 leave</source>
        <translation>空格 播放/暂停 · ←/→ 单步 · Home/End · +/− 速度 · F8 预测 · Enter 揭晓 · F9 面板 · F7 主题 · F11 退出</translation>
    </message>
    <message>
        <source>Hide side &amp;panels</source>
        <translation>隐藏侧边面板(&amp;P)</translation>
    </message>
    <message>
        <source>Hide the side panels so the diagram fills the screen (F9).</source>
        <translation>隐藏侧边面板，让图示占满屏幕（F9）。</translation>
    </message>
    <message>
        <source>&amp;Predict, then reveal</source>
        <translation>先预测，再揭晓(&amp;P)</translation>
    </message>
    <message>
        <source>Hide each new output value (and the output length after a change) until Enter reveals it (F8).</source>
        <translation>遮住每个新的输出值（以及修改参数后的输出长度），直到按 Enter 揭晓（F8）。</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>揭晓(&amp;R)</translation>
    </message>
    <message>
        <source>Show the hidden value (Enter).</source>
        <translation>显示被遮住的值（Enter）。</translation>
    </message>
    <message>
        <source>Input without channel axis (Keras 2 error demo)</source>
        <translation>没有通道轴的输入（Keras 2 报错演示）</translation>
    </message>
    <message>
        <source>Feed a (1, 56) array with no channel axis and see what Keras says, why, and the fix.</source>
        <translation>输入一个没有通道轴的 (1, 56) 数组，看看 Keras 报什么错、为什么、怎么改。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Show the &amp;tour</source>
        <translation>显示导览(&amp;T)</translation>
    </message>
    <message>
        <source>A short walk through the window (Esc skips).</source>
        <translation>简短介绍窗口的各个部分（Esc 跳过）。</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key the app understands.</source>
        <translation>本应用支持的所有按键。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>This picture as a script you can run.</source>
        <translation>把这张图变成一个可以运行的脚本。</translation>
    </message>
    <message>
        <source>A runnable script that rebuilds this layer with its exact weights, runs the input and checks the result against the picture (prints OK).</source>
        <translation>一个可运行的脚本：用完全相同的权重重建这一层，运行输入，并与图中的结果核对（一致时打印 OK）。</translation>
    </message>
    <message>
        <source>Choose the framework: Keras 3, PyTorch or plain NumPy.</source>
        <translation>选择框架：Keras 3、PyTorch 或纯 NumPy。</translation>
    </message>
    <message>
        <source>The script for {framework}</source>
        <translation>{framework} 脚本</translation>
    </message>
    <message>
        <source>Read-only; select text or use Copy.</source>
        <translation>只读；可以选中文本，或点击“复制”。</translation>
    </message>
    <message>
        <source>Copy {framework} code</source>
        <translation>复制 {framework} 代码</translation>
    </message>
    <message>
        <source>Copy the whole {framework} script to the clipboard.</source>
        <translation>把完整的 {framework} 脚本复制到剪贴板。</translation>
    </message>
    <message>
        <source>No code for this setting.</source>
        <translation>这个设置无法生成代码。</translation>
    </message>
    <message>
        <source>Keras would stop here:</source>
        <translation>Keras 会在这里报错：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>改法：</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>已复制 ✓</translation>
    </message>
</context>
<context>
    <name>Codegen</name>
    <message>
        <source>A runnable $fw script generated by Conv1D Explorer $version (edit freely).</source>
        <translation>由 Conv1D Explorer $version 生成的可运行 $fw 脚本（可自由修改）。</translation>
    </message>
    <message>
        <source>Session: $name</source>
        <translation>会话：$name</translation>
    </message>
    <message>
        <source>It reproduces this Keras 3 layer:</source>
        <translation>它复现这个 Keras 3 层：</translation>
    </message>
    <message>
        <source>Input shape:  $shape  $layout</source>
        <translation>输入形状：$shape  $layout</translation>
    </message>
    <message>
        <source>Output shape: $shape  $layout</source>
        <translation>输出形状：$shape  $layout</translation>
    </message>
    <message>
        <source>It computes the output with $fw, prints it, and compares it with the output
Conv1D Explorer computed (embedded below as `expected`): it prints OK when
they match, and MISMATCH plus exit status 1 when they do not.</source>
        <translation>脚本用 $fw 计算输出并打印，再与 Conv1D Explorer 算出的输出（下面嵌入的
`expected`）比较：一致时打印 OK，不一致时打印 MISMATCH 并以状态码 1 退出。</translation>
    </message>
    <message>
        <source>Needs: $needs</source>
        <translation>依赖：$needs</translation>
    </message>
    <message>
        <source>numpy</source>
        <translation>numpy</translation>
    </message>
    <message>
        <source>numpy, torch</source>
        <translation>numpy、torch</translation>
    </message>
    <message>
        <source>numpy, keras&gt;=3 and one backend (tensorflow, jax or torch)</source>
        <translation>numpy、keras&gt;=3 以及一个后端（tensorflow、jax 或 torch）</translation>
    </message>
    <message>
        <source>Run:   python this_script.py</source>
        <translation>运行：python 本脚本.py</translation>
    </message>
    <message>
        <source>Run:   KERAS_BACKEND=torch python this_script.py   (or jax, tensorflow)</source>
        <translation>运行：KERAS_BACKEND=torch python 本脚本.py   （也可用 jax、tensorflow）</translation>
    </message>
    <message>
        <source>(batch, steps, channels)</source>
        <translation>(批量, 步数, 通道)</translation>
    </message>
    <message>
        <source>(batch, channels, steps)</source>
        <translation>(批量, 通道, 步数)</translation>
    </message>
    <message>
        <source>(batch, steps, filters)</source>
        <translation>(批量, 步数, 过滤器)</translation>
    </message>
    <message>
        <source>(batch, filters, steps)</source>
        <translation>(批量, 过滤器, 步数)</translation>
    </message>
    <message>
        <source>The layer&apos;s settings, with Keras&apos;s argument names
(use_bias and activation: see `bias` and activation() below).</source>
        <translation>层的设置，沿用 Keras 的参数名
（use_bias 与 activation：见下面的 `bias` 和 activation()）。</translation>
    </message>
    <message>
        <source>Input x as the app stores it: (batch, steps, channels) = $shape.</source>
        <translation>输入 x，按应用的存储方式：(批量, 步数, 通道) = $shape。</translation>
    </message>
    <message>
        <source>One block per sample: a row per step, a column per channel.</source>
        <translation>每个样本一块：每行是一步，每列是一个通道。</translation>
    </message>
    <message>
        <source>Kernel in Keras layout: (kernel_size, channels // groups, filters) = $shape.</source>
        <translation>卷积核，Keras 布局：(kernel_size, channels // groups, filters) = $shape。</translation>
    </message>
    <message>
        <source>One block per tap: a row per input channel, a column per filter.</source>
        <translation>每个卷积核位置一块：每行是一个输入通道，每列是一个过滤器。</translation>
    </message>
    <message>
        <source>Bias: one number per filter, shape $shape.</source>
        <translation>偏置：每个过滤器一个数，形状 $shape。</translation>
    </message>
    <message>
        <source>use_bias=False: this layer has no bias.</source>
        <translation>use_bias=False：该层没有偏置。</translation>
    </message>
    <message>
        <source>The output Conv1D Explorer computed (conv_core), $layout = $shape.
The self-check at the end compares the $fw result with it.</source>
        <translation>Conv1D Explorer（conv_core）算出的输出，$layout = $shape。
最后的自检会把 $fw 的结果与它比较。</translation>
    </message>
    <message>
        <source>One block per sample: a row per output step, a column per filter.</source>
        <translation>每个样本一块：每行是一个输出步，每列是一个过滤器。</translation>
    </message>
    <message>
        <source>One block per sample: a row per filter, a column per output step.</source>
        <translation>每个样本一块：每行是一个过滤器，每列是一个输出步。</translation>
    </message>
    <message>
        <source>$n numbers written flat in C order (last axis fastest), then reshaped to $shape.</source>
        <translation>共 $n 个数，按 C 顺序（最后一维变化最快）平铺写出，再 reshape 成 $shape。</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>tap</source>
        <translation>卷积核位置</translation>
    </message>
    <message>
        <source>Keras&apos;s padding rule: (zeros before, zeros after, output steps).</source>
        <translation>Keras 的填充规则：返回 (前面补零数, 后面补零数, 输出步数)。</translation>
    </message>
    <message>
        <source>keff: the span of the dilated kernel</source>
        <translation>keff：膨胀后卷积核覆盖的跨度</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: no zeros; every window must fit inside the input</source>
        <translation>&apos;valid&apos;：不补零；每个窗口都必须完整落在输入内</translation>
    </message>
    <message>
        <source>&apos;same&apos; and &apos;causal&apos; give ceil(steps / strides) output steps</source>
        <translation>&apos;same&apos; 和 &apos;causal&apos; 都输出 ceil(steps / strides) 步</translation>
    </message>
    <message>
        <source>&apos;causal&apos;: all keff - 1 zeros go before, so output t sees only x[&lt;= t*strides]</source>
        <translation>&apos;causal&apos;：keff - 1 个零全部补在前面，所以输出 t 只看到 x[&lt;= t*strides]</translation>
    </message>
    <message>
        <source>&apos;same&apos;: total = max((out - 1)*strides + keff - steps, 0), left = total // 2;
an odd total puts the extra zero AFTER the steps (TensorFlow&apos;s rule)</source>
        <translation>&apos;same&apos;：补零总数 total = max((out - 1)*strides + keff - steps, 0)，左边 = total // 2；
total 为奇数时，多出的那个零补在末尾（TensorFlow 的规则）</translation>
    </message>
    <message>
        <source>Activation &apos;$name&apos;, as Keras 3 computes it: $formula</source>
        <translation>激活函数 &apos;$name&apos;，与 Keras 3 的计算相同：$formula</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>不改变</translation>
    </message>
    <message>
        <source>written as (1 + tanh(z/2)) / 2: the same value, and exp never overflows</source>
        <translation>写成 (1 + tanh(z/2)) / 2：数值相同，且 exp 不会溢出</translation>
    </message>
    <message>
        <source>the exact erf form, not the tanh approximation</source>
        <translation>精确的 erf 形式，不是 tanh 近似</translation>
    </message>
    <message>
        <source>Keras 3&apos;s definition; Keras 2 used 0.2*z + 0.5</source>
        <translation>Keras 3 的定义；Keras 2 用的是 0.2*z + 0.5</translation>
    </message>
    <message>
        <source>math.erf works on one number; np.vectorize applies it to every element</source>
        <translation>math.erf 只处理一个数；np.vectorize 把它用到每个元素上</translation>
    </message>
    <message>
        <source>Plain NumPy, step by step: pad, then add up one kernel tap at a time.</source>
        <translation>纯 NumPy，一步一步来：先补零，再按卷积核位置逐个累加。</translation>
    </message>
    <message>
        <source>zeros before and after the steps only (never across channels or samples)</source>
        <translation>只在步数方向的前后补零（不在通道或样本方向补）</translation>
    </message>
    <message>
        <source>group g: its filters see only its own slice of the input channels</source>
        <translation>第 g 组：该组的过滤器只看到属于自己的那一段输入通道</translation>
    </message>
    <message>
        <source>(kernel_size, channels_per_group, filters_per_group)</source>
        <translation>(kernel_size, 组内通道数, 组内过滤器数)</translation>
    </message>
    <message>
        <source>tap j reads the input j*dilation_rate steps after each window&apos;s start</source>
        <translation>卷积核位置 j 读取每个窗口起点之后 j*dilation_rate 步的输入</translation>
    </message>
    <message>
        <source>(batch, out_steps, channels_per_group): what tap j sees at every output step</source>
        <translation>(批量, 输出步数, 组内通道数)：每个输出步上卷积核位置 j 看到的值</translation>
    </message>
    <message>
        <source>times tap j&apos;s weights, summed over the channels</source>
        <translation>乘以卷积核位置 j 的权重，并对通道求和</translation>
    </message>
    <message>
        <source>Then the bias (one per filter), then the activation: Keras&apos;s order.</source>
        <translation>然后加偏置（每个过滤器一个），再做激活：与 Keras 的顺序相同。</translation>
    </message>
    <message>
        <source>channels_first only changes the output layout: (batch, filters, steps)</source>
        <translation>channels_first 只改变输出的布局：(批量, 过滤器, 步数)</translation>
    </message>
    <message>
        <source>PyTorch is channels-first: input (batch, channels, steps). float64 tensors,
like the app, so the two agree to about 1e-15.</source>
        <translation>PyTorch 使用通道在前：输入为 (批量, 通道, 步数)。
使用 float64 张量，与应用一致，两者相差约 1e-15。</translation>
    </message>
    <message>
        <source>Keras kernel (k, C // groups, filters) -&gt; PyTorch weight (filters, C // groups, k)</source>
        <translation>Keras 卷积核 (k, C // groups, filters) -&gt; PyTorch 权重 (filters, C // groups, k)</translation>
    </message>
    <message>
        <source>PyTorch&apos;s own padding is equal on both sides (and its &apos;same&apos; needs strides=1),
so pad exactly as Keras does with F.pad, then convolve with padding=0.</source>
        <translation>PyTorch 自带的 padding 两侧相等（它的 &apos;same&apos; 还要求 strides=1），
所以用 F.pad 按 Keras 的方式补零，再以 padding=0 做卷积。</translation>
    </message>
    <message>
        <source>cross-correlation (no kernel flip), like Keras</source>
        <translation>互相关（不翻转卷积核），与 Keras 相同</translation>
    </message>
    <message>
        <source>back to Keras&apos;s channels_last layout: (batch, steps, filters)</source>
        <translation>转回 Keras 的 channels_last 布局：(批量, 步数, 过滤器)</translation>
    </message>
    <message>
        <source>Any Keras 3 backend works; choose it with the KERAS_BACKEND environment variable.</source>
        <translation>任何 Keras 3 后端都可以；用环境变量 KERAS_BACKEND 选择。</translation>
    </message>
    <message>
        <source>The layer, every argument written out.</source>
        <translation>该层，每个参数都写明。</translation>
    </message>
    <message>
        <source>channels_last: Keras takes (batch, steps, channels), as the app stores x</source>
        <translation>channels_last：Keras 接收 (批量, 步数, 通道)，与应用存储 x 的方式相同</translation>
    </message>
    <message>
        <source>channels_first: Keras takes (batch, channels, steps), so transpose x</source>
        <translation>channels_first：Keras 接收 (批量, 通道, 步数)，因此把 x 转置</translation>
    </message>
    <message>
        <source>Build with the input shape, then replace the random initial weights with ours.</source>
        <translation>用输入形状构建该层，再用我们的权重替换随机的初始权重。</translation>
    </message>
    <message>
        <source>Keras computes in float32 by default: expect differences around 1e-7 (relative);
the self-check allows 1e-5.</source>
        <translation>Keras 默认用 float32 计算：会有约 1e-7 的相对误差；自检允许 1e-5。</translation>
    </message>
    <message>
        <source>Run the layer.</source>
        <translation>运行该层。</translation>
    </message>
    <message>
        <source>Self-check: compare with the output Conv1D Explorer computed.
rtol = 1e-5 and atol = 1e-5 * max(1, max|expected|): loose enough for float32 frameworks.</source>
        <translation>自检：与 Conv1D Explorer 算出的输出比较。
rtol = 1e-5，atol = 1e-5 * max(1, max|expected|)：足以容纳 float32 框架的误差。</translation>
    </message>
    <message>
        <source>Input shape:</source>
        <translation>输入形状：</translation>
    </message>
    <message>
        <source>Padding (before, after):</source>
        <translation>填充 (前, 后)：</translation>
    </message>
    <message>
        <source>Output shape:</source>
        <translation>输出形状：</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>OK: the $fw output matches Conv1D Explorer (max abs difference {diff:.3g}).</source>
        <translation>OK：$fw 的输出与 Conv1D Explorer 一致（最大绝对差 {diff:.3g}）。</translation>
    </message>
    <message>
        <source>MISMATCH: the $fw output differs from Conv1D Explorer (max abs difference {diff:.3g}).</source>
        <translation>MISMATCH：$fw 的输出与 Conv1D Explorer 不一致（最大绝对差 {diff:.3g}）。</translation>
    </message>
    <message>
        <source>MISMATCH: output shape {y.shape}, but Conv1D Explorer computed {expected.shape}.</source>
        <translation>MISMATCH：输出形状为 {y.shape}，但 Conv1D Explorer 算出的是 {expected.shape}。</translation>
    </message>
    <message>
        <source>The layer&apos;s settings, with Keras&apos;s argument names
(OUTPUT_PADDING = None lets Keras infer the length; use_bias and activation: see `bias`
and activation() below).</source>
        <translation>层的设置，沿用 Keras 的参数名
（OUTPUT_PADDING = None 表示由 Keras 推断 output_padding 和输出长度；use_bias 与 activation：
见下面的 `bias` 和 activation()）。</translation>
    </message>
    <message>
        <source>Kernel in Keras&apos;s Conv1DTranspose layout: (kernel_size, filters, channels) = $shape
(filters before channels, the other way round from Conv1D).</source>
        <translation>卷积核采用 Keras 的 Conv1DTranspose 布局：(kernel_size, filters, channels) = $shape
（过滤器在通道之前，与 Conv1D 正好相反）。</translation>
    </message>
    <message>
        <source>One block per kernel position: a row per filter, a column per input channel.</source>
        <translation>每个卷积核位置一块：每行是一个过滤器，每列是一个输入通道。</translation>
    </message>
    <message>
        <source>Keras&apos;s Conv1DTranspose rule: (steps cropped from the full scatter on the left, output steps).</source>
        <translation>Keras 的 Conv1DTranspose 规则：返回 (完整散布结果左边裁掉的步数, 输出步数)。</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: nothing cropped; output_padding=None gives (steps - 1)*strides + max(keff, strides)</source>
        <translation>&apos;valid&apos;：不裁掉任何步；output_padding=None 时输出 (steps - 1)*strides + max(keff, strides) 步</translation>
    </message>
    <message>
        <source>&apos;same&apos;: output_padding=None gives steps*strides output steps; Keras pads the transposed
convolution with total = strides + keff - 2 zeros (keff + keff % 2 - 2 + output_padding
when output_padding is given), at most keff - 1 of them on the left</source>
        <translation>&apos;same&apos;：output_padding=None 时输出 steps*strides 步；Keras 给转置卷积补零，
总数 total = strides + keff - 2（给定 output_padding 时为 keff + keff % 2 - 2 + output_padding），
左边最多 keff - 1 个</translation>
    </message>
    <message>
        <source>Plain NumPy, step by step: every input step i scatters x[:, i, :] · kernel[j]
to step i*strides + j*dilation_rate of the full output; overlapping copies add up.</source>
        <translation>纯 NumPy，一步一步来：每个输入步 i 把 x[:, i, :] · kernel[j]
散布到完整输出的第 i*strides + j*dilation_rate 步；重叠的副本相加。</translation>
    </message>
    <message>
        <source>the full scatter, before Keras crops it: (steps - 1)*strides + keff steps</source>
        <translation>Keras 裁掉之前的完整散布结果：(steps - 1)*strides + keff 步</translation>
    </message>
    <message>
        <source>kernel position j of input step i lands on i*strides + j*dilation_rate</source>
        <translation>输入步 i 的卷积核位置 j 落在第 i*strides + j*dilation_rate 步</translation>
    </message>
    <message>
        <source>(batch, steps, filters): every input step times kernel position j&apos;s weights</source>
        <translation>(batch, steps, filters)：每个输入步乘以卷积核位置 j 的权重</translation>
    </message>
    <message>
        <source>Keras&apos;s window of the full scatter; steps past its end stay zero</source>
        <translation>Keras 从完整散布结果中取的窗口；超出其末尾的步保持为零</translation>
    </message>
    <message>
        <source>Keras kernel (k, filters, C) -&gt; PyTorch ConvTranspose1d weight (C, filters, k)</source>
        <translation>Keras 卷积核 (k, filters, C) -&gt; PyTorch ConvTranspose1d 权重 (C, filters, k)</translation>
    </message>
    <message>
        <source>nn.ConvTranspose1d crops `padding` steps from both ends and adds `output_padding` at the end:
padding=$padding, output_padding=$output_padding give exactly Keras&apos;s $out output steps.</source>
        <translation>nn.ConvTranspose1d 从两端各裁掉 `padding` 步，并在末尾加上 `output_padding` 步：
padding=$padding、output_padding=$output_padding 正好得到 Keras 的 $out 个输出步。</translation>
    </message>
    <message>
        <source>No nn.ConvTranspose1d setting gives this output: PyTorch crops `padding` steps from both ends,
Keras crops $left on the left and $right on the right (padding=&apos;same&apos; puts the odd step on the
right). So run PyTorch with padding=$padding and output_padding=0, then keep Keras&apos;s window
of $out steps, as Keras&apos;s own torch backend does.</source>
        <translation>nn.ConvTranspose1d 没有任何设置能得到这个输出：PyTorch 从两端各裁掉 `padding` 步，
而 Keras 左边裁掉 $left 步、右边裁掉 $right 步（padding=&apos;same&apos; 把多出的一步放在右边）。
所以用 padding=$padding、output_padding=0 运行 PyTorch，再保留 Keras 的 $out 步窗口，
与 Keras 自己的 torch 后端做法相同。</translation>
    </message>
    <message>
        <source>Keras&apos;s window: output steps $start .. $stop - 1 of PyTorch&apos;s result</source>
        <translation>Keras 的窗口：PyTorch 结果的输出步 $start .. $stop - 1</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare two Conv1D settings</source>
        <translation>比较两种 Conv1D 设置</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>比较：</translation>
    </message>
    <message>
        <source>padding &apos;valid&apos; vs &apos;same&apos;</source>
        <translation>padding：&apos;valid&apos; 对比 &apos;same&apos;</translation>
    </message>
    <message>
        <source>padding &apos;same&apos; vs &apos;causal&apos;</source>
        <translation>padding：&apos;same&apos; 对比 &apos;causal&apos;</translation>
    </message>
    <message>
        <source>padding &apos;valid&apos; vs &apos;causal&apos;</source>
        <translation>padding：&apos;valid&apos; 对比 &apos;causal&apos;</translation>
    </message>
    <message>
        <source>dilation_rate 1 vs 2</source>
        <translation>dilation_rate：1 对比 2</translation>
    </message>
    <message>
        <source>strides 1 vs 2</source>
        <translation>strides：1 对比 2</translation>
    </message>
    <message>
        <source>Same input for both: {steps} × {channels}, {filters}</source>
        <translation>两边使用同一个输入：{steps} × {channels}，{filters}</translation>
    </message>
    <message>
        <source>zeros (left, right)</source>
        <translation>补零 (左, 右)</translation>
    </message>
    <message>
        <source>output steps</source>
        <translation>输出步数</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Output steps {steps} exist only in {side} (hatched), not in {other}.</source>
        <translation>输出步 {steps} 只在 {side} 中存在（斜线格），{other} 中没有。</translation>
    </message>
    <message>
        <source>output step {t}</source>
        <translation>输出步 {t}</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 个通道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s)</source>
        <translation>
            <numerusform>%n 个过滤器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n 层</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramWidget</name>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>filter {f}</source>
        <translation>过滤器 {f}</translation>
    </message>
    <message>
        <source>input channel (group {g})</source>
        <translation>输入通道（第 {g} 组）</translation>
    </message>
    <message>
        <source>channel within its group</source>
        <translation>组内通道</translation>
    </message>
    <message>
        <source>step</source>
        <translation>时间步</translation>
    </message>
    <message>
        <source>kernel position j</source>
        <translation>卷积核位置 j</translation>
    </message>
    <message>
        <source>output step t</source>
        <translation>输出步 t</translation>
    </message>
    <message>
        <source>filter f</source>
        <translation>过滤器 f</translation>
    </message>
    <message>
        <source>kernel position j: 0 … kernel_size − 1 (often called a &quot;tap&quot;)</source>
        <translation>卷积核位置 j：0 … kernel_size − 1（英文资料中也叫 tap）</translation>
    </message>
    <message>
        <source>filter f (click one to show it large)</source>
        <translation>过滤器 f（点击一个即可放大显示）</translation>
    </message>
    <message>
        <source> — padding &apos;{p}&apos; adds zeros: {l} left, {r} right (hatched)</source>
        <translation> — padding &apos;{p}&apos; 补零：左边 {l} 个，右边 {r} 个（斜线格）</translation>
    </message>
    <message>
        <source>Input x[{n}]: steps × channels = {L} × {C}</source>
        <translation>输入 x[{n}]：步数 × 通道 = {L} × {C}</translation>
    </message>
    <message>
        <source>Kernel shape ({k}, {cg}, {F}) = (kernel_size, channels per filter, filters)</source>
        <translation>卷积核形状 ({k}, {cg}, {F}) = (kernel_size, 每个过滤器的通道数, filters)</translation>
    </message>
    <message>
        <source>Output y[{n}]: steps × filters = {Lout} × {F}, output shape {shape}</source>
        <translation>输出 y[{n}]：步数 × 过滤器 = {Lout} × {F}，输出形状 {shape}</translation>
    </message>
    <message>
        <source>window of y[{n}, {t}, :]</source>
        <translation>y[{n}, {t}, :] 的窗口</translation>
    </message>
    <message>
        <source>window of y[{n}, {t}, {f}]</source>
        <translation>y[{n}, {t}, {f}] 的窗口</translation>
    </message>
    <message>
        <source>Showing the last valid setting: {settings}</source>
        <translation>显示的是上一个有效设置：{settings}</translation>
    </message>
    <message>
        <source>Showing the last valid setting</source>
        <translation>显示的是上一个有效设置</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Paste numbers at the selected cell</source>
        <translation>在选中的格子处粘贴数字</translation>
    </message>
    <message>
        <source>Paste a block copied from a spreadsheet (tab- or comma-separated); it starts at the selected cell, rows and columns as on screen.</source>
        <translation>粘贴从电子表格复制的一块数据（制表符或逗号分隔）；从选中的格子开始，行列与屏幕上一致。</translation>
    </message>
    <message>
        <source>Edit the selected cell</source>
        <translation>编辑选中的格子</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>Fill the input</source>
        <translation>填入输入数据</translation>
    </message>
    <message>
        <source>Fill the kernels</source>
        <translation>填入卷积核</translation>
    </message>
    <message>
        <source>Fill the bias</source>
        <translation>填入偏置</translation>
    </message>
    <message>
        <source>every bias = {v}</source>
        <translation>所有偏置 = {v}</translation>
    </message>
    <message>
        <source>Random integers 1…5 (as in the course)</source>
        <translation>随机整数 1…5（与课程一致）</translation>
    </message>
    <message>
        <source>Uniform −1…1 (seeded)</source>
        <translation>均匀分布 −1…1（固定种子）</translation>
    </message>
    <message>
        <source>Normal, mean 0, sd 1 (seeded)</source>
        <translation>正态分布，均值 0，标准差 1（固定种子）</translation>
    </message>
    <message>
        <source>Sine wave (period 8 steps)</source>
        <translation>正弦波（周期 8 步）</translation>
    </message>
    <message>
        <source>Square wave (period 8 steps)</source>
        <translation>方波（周期 8 步）</translation>
    </message>
    <message>
        <source>Step: 0 then 1 from the middle</source>
        <translation>阶跃：前半为 0，从中间起为 1</translation>
    </message>
    <message>
        <source>Impulse: 1 at the middle step</source>
        <translation>单位脉冲：中间一步为 1</translation>
    </message>
    <message>
        <source>One-hot words (each step one word id)</source>
        <translation>独热编码的词（每步一个词 id）</translation>
    </message>
    <message>
        <source>Ramp 1, 2, 3, …</source>
        <translation>递增 1, 2, 3, …</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Ones (as in the course)</source>
        <translation>全 1（与课程一致）</translation>
    </message>
    <message>
        <source>Moving average (1/k on each tap)</source>
        <translation>移动平均（每个卷积核位置的权重都是 1/k）</translation>
    </message>
    <message>
        <source>Difference (last tap − first tap)</source>
        <translation>差分（最后一个卷积核位置 − 第一个）</translation>
    </message>
    <message>
        <source>Identity / delta (1 on the centre tap)</source>
        <translation>恒等 / 单位脉冲（中心位置为 1）</translation>
    </message>
    <message>
        <source>glorot_uniform (Keras default, seeded)</source>
        <translation>glorot_uniform（Keras 默认，固定种子）</translation>
    </message>
    <message>
        <source>he_normal (seeded)</source>
        <translation>he_normal（固定种子）</translation>
    </message>
    <message>
        <source>Seed for random fills: {seed}…</source>
        <translation>随机填入的种子：{seed}…</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Seed for the random fills:</source>
        <translation>随机填入所用的种子：</translation>
    </message>
    <message>
        <source>Input: {what} (seed {seed})</source>
        <translation>输入：{what}（种子 {seed}）</translation>
    </message>
    <message>
        <source>Input: {what}</source>
        <translation>输入：{what}</translation>
    </message>
    <message>
        <source>Kernels: {what} (seed {seed})</source>
        <translation>卷积核：{what}（种子 {seed}）</translation>
    </message>
    <message>
        <source>Kernels: {what}</source>
        <translation>卷积核：{what}</translation>
    </message>
    <message>
        <source>Bias: every value {v}</source>
        <translation>偏置：全部为 {v}</translation>
    </message>
    <message>
        <source>This cell cannot be edited.</source>
        <translation>这个格子不能编辑。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Edit {kind} {cell}: {old} → {new}</source>
        <translation>编辑{kind} {cell}：{old} → {new}</translation>
    </message>
    <message>
        <source>Select a cell of the input, the kernels or the bias first.</source>
        <translation>请先选中输入、卷积核或偏置中的一个格子。</translation>
    </message>
    <message>
        <source>Nothing fits here: choose a cell nearer the start.</source>
        <translation>这里放不下：请选一个更靠前的格子。</translation>
    </message>
    <message>
        <source>Paste {r} × {c} values into {cell}</source>
        <translation>把 {r} × {c} 个值粘贴到 {cell}</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) did not fit and were left out.</source>
        <translation>
            <numerusform>有 %n 个值放不下，已略去。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Invalid setting: the diagram shows the last valid one.</source>
        <translation>设置无效：图示显示的是最后一个有效的设置。</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>改法：</translation>
    </message>
</context>
<context>
    <name>ErrorDemo</name>
    <message>
        <source>Why Keras stopped</source>
        <translation>Keras 为什么报错</translation>
    </message>
    <message>
        <source>Apply the fix</source>
        <translation>应用修正</translation>
    </message>
    <message>
        <source>Add the channel axis (reshape to (batch, steps, 1)) and show the convolution of the fixed input.</source>
        <translation>加上通道轴（reshape 成 (批量, 步数, 1)），并显示修正后输入的卷积结果。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this explanation.</source>
        <translation>隐藏这段说明。</translation>
    </message>
    <message>
        <source>This input has shape {shape}: {batch} sample of {steps} steps, but no channel axis.</source>
        <translation>这个输入的形状是 {shape}：{batch} 个样本、{steps} 步，但没有通道轴。</translation>
    </message>
    <message>
        <source>Keras 2 said:</source>
        <translation>Keras 2 的报错：</translation>
    </message>
    <message>
        <source>Keras 3 says:</source>
        <translation>Keras 3 的报错：</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>改法：</translation>
    </message>
    <message>
        <source>In Keras 3, keras.Input(shape=({steps}, 1)) in a model adds the axis silently; a direct layer call does not.</source>
        <translation>在 Keras 3 中，模型里的 keras.Input(shape=({steps}, 1)) 会悄悄加上这个轴；直接调用层则不会。</translation>
    </message>
</context>
<context>
    <name>ExplorerState</name>
    <message>
        <source>Change {name}: {old} → {new}</source>
        <translation>修改 {name}：{old} → {new}</translation>
    </message>
    <message>
        <source>Change input shape: {old} → {new}</source>
        <translation>修改输入形状：{old} → {new}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export diagram</source>
        <translation>导出图示</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG vector drawing (cell values as text)</source>
        <translation>SVG 矢量图（格子数值为文本）</translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation>PDF 文档（矢量）</translation>
    </message>
    <message>
        <source>Animated GIF of the whole sweep</source>
        <translation>整个滑动过程的 GIF 动画</translation>
    </message>
    <message>
        <source>MP4 video of the whole sweep</source>
        <translation>整个滑动过程的 MP4 视频</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Whole diagram</source>
        <translation>整个图示</translation>
    </message>
    <message>
        <source>Input panel</source>
        <translation>输入面板</translation>
    </message>
    <message>
        <source>Kernels panel</source>
        <translation>卷积核面板</translation>
    </message>
    <message>
        <source>Output panel</source>
        <translation>输出面板</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Time per frame</source>
        <translation>每帧时长</translation>
    </message>
    <message>
        <source>Caption with the Keras call and the output-length formula</source>
        <translation>附上 Keras 调用和输出长度公式的说明文字</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import input (CSV, TSV, .npy)…</source>
        <translation>导入输入数据（CSV、TSV、.npy）(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Copy diagram as image</source>
        <translation>将图示复制为图像(&amp;C)</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name}[*] — Conv1D Explorer</source>
        <translation>{name}[*] — Conv1D Explorer</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Sessions (*.json);;All files (*)</source>
        <translation>会话 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>Save session as</source>
        <translation>会话另存为</translation>
    </message>
    <message>
        <source>Sessions (*.json)</source>
        <translation>会话 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Import input</source>
        <translation>导入输入数据</translation>
    </message>
    <message>
        <source>Numbers (*.csv *.tsv *.txt *.npy);;All files (*)</source>
        <translation>数值文件 (*.csv *.tsv *.txt *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>已取消导入</translation>
    </message>
    <message>
        <source>Cannot import input</source>
        <translation>无法导入输入数据</translation>
    </message>
    <message>
        <source>Replace the input with {name}, input shape {shape}?</source>
        <translation>用 {name} 替换输入数据吗？输入形状 {shape}</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Imported {name}: {note}</source>
        <translation>已导入 {name}：{note}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>MP4 needs the optional &apos;video&apos; extra: pip install &apos;conv1d-explorer[video]&apos; (imageio-ffmpeg).</source>
        <translation>导出 MP4 需要可选的 &apos;video&apos; 组件：pip install &apos;conv1d-explorer[video]&apos;（imageio-ffmpeg）。</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>导出图示</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出；没有写入任何文件。</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>There is no valid picture to animate.</source>
        <translation>没有可以生成动画的有效图示。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message numerus="yes">
        <source>Rendering %n frame(s)…</source>
        <translation>
            <numerusform>正在渲染 %n 帧…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>无法复制</translation>
    </message>
    <message>
        <source>Diagram copied to the clipboard ({w} x {h} px).</source>
        <translation>图示已复制到剪贴板（{w} x {h} 像素）。</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>It was kept as {path}.</source>
        <translation>它已保留为 {path}。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>The autosaved work cannot be restored: {reason}</source>
        <translation>无法恢复自动保存的工作：{reason}</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>Autosaved {when}: Conv1D(filters={filters}, kernel_size={kernel_size}) on an input of shape {shape}.</source>
        <translation>自动保存于 {when}：Conv1D(filters={filters}, kernel_size={kernel_size})，输入形状 {shape}。</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Conv1D Explorer did not quit normally last time. Restore the work it autosaved?</source>
        <translation>Conv1D Explorer 上次没有正常退出。要恢复自动保存的工作吗？</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
</context>
<context>
    <name>InspectPanels</name>
    <message>
        <source>Clear the pinned highlight</source>
        <translation>清除固定的高亮</translation>
    </message>
    <message>
        <source>Math with symbols</source>
        <translation>用符号表示算式</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L) Language</translation>
    </message>
    <message>
        <source>Choose the language of the interface (remembered for next time).</source>
        <translation>选择界面语言（下次启动时沿用）。</translation>
    </message>
    <message>
        <source>Show the interface in {name}</source>
        <translation>以{name}显示界面</translation>
    </message>
</context>
<context>
    <name>LayerKindBox</name>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Conv1D slides the kernel over the input. Conv1DTranspose (transposed convolution) goes the other way: each input value scatters a scaled copy of the kernel into a longer output, and overlapping copies add up. Its matrix is the transpose Cᵀ of a Conv1D&apos;s matrix C.</source>
        <translation>Conv1D 让卷积核在输入上滑动。Conv1DTranspose（转置卷积）方向相反：每个输入值把卷积核乘以自身的值，得到一份缩放后的副本，散布到更长的输出上，重叠的副本相加。它的矩阵是某个 Conv1D 的矩阵 C 的转置 Cᵀ。</translation>
    </message>
    <message>
        <source>output_padding: extra steps at the end of a Conv1DTranspose&apos;s output, less than strides. None lets Keras infer the length.</source>
        <translation>output_padding（输出填充）：加在 Conv1DTranspose 输出末尾的步数，必须小于 strides。None 表示由 Keras 推断输出长度。</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Conv1D layer</source>
        <translation>Conv1D 层</translation>
    </message>
    <message>
        <source>Input shape (batch, steps, channels)</source>
        <translation>输入形状 (批量, 步数, 通道)</translation>
    </message>
    <message>
        <source>filters: Integer, the dimensionality of the output space (the number of filters in the convolution). Each filter makes one output channel: a row in the diagram (a column in Keras&apos;s printout).</source>
        <translation>filters：整数，输出空间的维度（即卷积中过滤器的个数，也叫滤波器）。每个过滤器产生一个输出通道：图示默认把它画成一行（Keras 打印的数组里它是一列）。</translation>
    </message>
    <message>
        <source>How many sequences (samples) go through the layer at once.</source>
        <translation>一次通过该层的序列（样本）数量，即批量大小。</translation>
    </message>
    <message>
        <source>Length of each sequence: words in a sentence, time points in a series.</source>
        <translation>每个序列的长度：句子中的词数、时间序列中的时间点数。</translation>
    </message>
    <message>
        <source>Numbers per step: embedding dimensions, sensor readings. Every filter spans all of them.</source>
        <translation>每一步的数值个数：词嵌入维度、传感器读数等。每个过滤器都覆盖全部通道。</translation>
    </message>
    <message>
        <source>Which sample of the batch the diagram shows.</source>
        <translation>图示显示批量中的哪一个样本。</translation>
    </message>
    <message>
        <source>show sample</source>
        <translation>显示样本</translation>
    </message>
    <message>
        <source>Conv1DTranspose layer</source>
        <translation>Conv1DTranspose 层</translation>
    </message>
    <message>
        <source>The layer as Keras code; select to copy.</source>
        <translation>该层的 Keras 代码；选中即可复制。</translation>
    </message>
    <message>
        <source>kernel_size: the length of the 1D convolution window (how many steps each filter looks at).</source>
        <translation>kernel_size：一维卷积窗口的长度（每个过滤器一次看多少步）。</translation>
    </message>
    <message>
        <source>strides: the stride length of the convolution (how far the window moves). strides &gt; 1 is incompatible with dilation_rate &gt; 1.</source>
        <translation>strides：卷积的步长（窗口每次移动多远）。strides &gt; 1 不能与 dilation_rate &gt; 1 同时使用。</translation>
    </message>
    <message>
        <source>padding: &apos;valid&apos; means no padding. &apos;same&apos; pads evenly left/right so the output has ceil(steps/strides) steps (an odd extra zero goes on the right). &apos;causal&apos; pads only on the left, so output[t] never sees input[t+1:].</source>
        <translation>padding：填充方式。&apos;valid&apos; 表示不填充。&apos;same&apos; 在左右两边平均补零，使输出有 ceil(steps/strides) 步（奇数时多出的零补在右边）。&apos;causal&apos; 只在左边补零，所以 output[t] 永远看不到 input[t+1:]。</translation>
    </message>
    <message>
        <source>dilation_rate: the dilation rate for dilated convolution: the window takes every d-th step.</source>
        <translation>dilation_rate：膨胀率（空洞率），用于膨胀卷积（空洞卷积）：窗口每隔 d 步取一个值。</translation>
    </message>
    <message>
        <source>groups: how many groups the input is split into along the channel axis. Each group is convolved separately with filters / groups filters; the outputs are concatenated. channels and filters must both be divisible by groups.</source>
        <translation>groups：沿通道轴把输入分成多少组。每组分别与 filters / groups 个过滤器做卷积，输出再拼接起来。channels 和 filters 都必须能被 groups 整除。</translation>
    </message>
    <message>
        <source>use_bias: whether the layer adds a bias vector (one number per filter).</source>
        <translation>use_bias：该层是否加上偏置向量（每个过滤器一个数）。</translation>
    </message>
    <message>
        <source>activation: the activation function applied after conv + bias. &apos;linear&apos; means no activation.</source>
        <translation>activation：在卷积加偏置之后使用的激活函数。&apos;linear&apos; 表示不使用激活函数。</translation>
    </message>
    <message>
        <source>data_format: &apos;channels_last&apos; takes inputs shaped (batch, steps, channels); &apos;channels_first&apos; takes (batch, channels, steps).</source>
        <translation>data_format：数据格式。&apos;channels_last&apos; 接受形状为 (批量, 步数, 通道) 的输入；&apos;channels_first&apos; 接受 (批量, 通道, 步数)。</translation>
    </message>
    <message>
        <source>Keras would stop here:</source>
        <translation>Keras 会在这里报错：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>改法：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Conv1D Explorer</source>
        <translation>Conv1D Explorer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Keras printout orientation (steps as rows)</source>
        <translation>按 Keras 打印的方向排列（每步一行）</translation>
    </message>
    <message>
        <source>Show numbers in cells</source>
        <translation>在格子中显示数字</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>无法打开示例</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <source>symbols</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Show the same sum with symbols: y[b, t, f] = bias[f] + Σ_j Σ_c x[b, t·s + j·d − pad_left, c] · w[j, c, f], with this layer&apos;s s, d and pad_left.</source>
        <translation>用符号显示同一个求和：y[b, t, f] = bias[f] + Σ_j Σ_c x[b, t·s + j·d − pad_left, c] · w[j, c, f]，代入这一层的 s、d 和 pad_left。</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>算式</translation>
    </message>
    <message>
        <source>No output cell: the layer has no output steps.</source>
        <translation>没有输出格子：该层没有输出步。</translation>
    </message>
    <message>
        <source>hovered</source>
        <translation>鼠标悬停</translation>
    </message>
    <message>
        <source>pinned — Esc to unpin</source>
        <translation>已固定（按 Esc 取消固定）</translation>
    </message>
    <message>
        <source>current position</source>
        <translation>当前位置</translation>
    </message>
    <message>
        <source>Arithmetic of y[{n}, {t}, {f}] ({why})</source>
        <translation>y[{n}, {t}, {f}] 的算式（{why}）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{step} (padding zero)</source>
        <translation>{step}（填充零）</translation>
    </message>
    <message numerus="yes">
        <source>… %n more term(s) …</source>
        <translation>
            <numerusform>……另有 %n 项……</numerusform>
        </translation>
    </message>
    <message>
        <source>⋮ {channels} ({terms})</source>
        <translation>⋮ {channels}（{terms}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more channel(s)</source>
        <translation>
            <numerusform>另有 %n 个通道未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Σ %n tap(s)</source>
        <translation>
            <numerusform>Σ %n 个卷积核位置</numerusform>
        </translation>
    </message>
    <message>
        <source>+ bias[{f}]</source>
        <translation>+ 偏置 bias[{f}]</translation>
    </message>
    <message>
        <source>with this layer:</source>
        <translation>代入这一层：</translation>
    </message>
    <message>
        <source>This Conv1DTranspose has no output steps.</source>
        <translation>这个 Conv1DTranspose 没有输出步。</translation>
    </message>
    <message>
        <source>Arithmetic of x[{n}, {i}, :] scattering (current position)</source>
        <translation>x[{n}, {i}, :] 散布的算式（当前位置）</translation>
    </message>
    <message>
        <source>Input step {i} adds x[{n}, {i}, c] · w[j, f, c] to output step {where} (j = 0…{last}); overlapping copies add up.</source>
        <translation>输入步 {i} 把 x[{n}, {i}, c] · w[j, f, c] 加到输出步 {where}（j = 0…{last}）；重叠的副本相加。</translation>
    </message>
    <message>
        <source>bias[f] is added once to every output cell: each running sum starts at it.</source>
        <translation>bias[f] 在每个输出格子上只加一次：每个累加和都从它开始。</translation>
    </message>
    <message>
        <source>use_bias=False: the running sums start at 0.</source>
        <translation>use_bias=False：累加和从 0 开始。</translation>
    </message>
    <message>
        <source>⋮ {filters} ({terms})</source>
        <translation>⋮ {filters}（{terms}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more filter(s)</source>
        <translation>
            <numerusform>另有 %n 个过滤器未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>⋮ {positions} ({terms})</source>
        <translation>⋮ {positions}（{terms}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more kernel position(s)</source>
        <translation>
            <numerusform>另有 %n 个卷积核位置未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>running sum {before} + {added} = {after}</source>
        <translation>累加和 {before} + {added} = {after}</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>more to come</source>
        <translation>还会再加</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>重叠</translation>
    </message>
    <message numerus="yes">
        <source>%n input step(s) reach it: {steps} ({note})</source>
        <translation>
            <numerusform>有 %n 个输入步落到这里：{steps}（{note}）</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two clauses</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>cropped: Keras drops this output step</source>
        <translation>被裁掉：Keras 丢弃这个输出步</translation>
    </message>
    <message>
        <source>Input steps 0…{i} have scattered: output steps 0…{last} of {out} hold running sums.</source>
        <translation>输入步 0…{i} 已散布：{out} 个输出步中，输出步 0…{last} 有了累加和。</translation>
    </message>
    <message>
        <source>Input steps 0…{i} have scattered; this one lands only on cropped steps.</source>
        <translation>输入步 0…{i} 已散布；这个输入步只落在被裁掉的输出步上。</translation>
    </message>
    <message>
        <source>i: input step</source>
        <translation>i：输入步</translation>
    </message>
    <message>
        <source>Conv1DTranspose kernel layout (kernel_size, filters, channels): w[j, f, c]</source>
        <translation>Conv1DTranspose 的卷积核布局 (kernel_size, filters, channels)：w[j, f, c]</translation>
    </message>
    <message>
        <source>input step {i} adds to output step {where}</source>
        <translation>输入步 {i} 加到输出步 {where}</translation>
    </message>
    <message>
        <source>{step} (cropped)</source>
        <translation>{step}（被裁掉）</translation>
    </message>
    <message>
        <source>taps j = 0…{last} read input steps {steps}</source>
        <translation>卷积核位置 j = 0…{last} 依次读取输入步 {steps}</translation>
    </message>
    <message>
        <source>before activation</source>
        <translation>激活前</translation>
    </message>
    <message numerus="yes">
        <source>Show all %n term(s)</source>
        <translation>
            <numerusform>显示全部 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Show fewer terms</source>
        <translation>只显示部分项</translation>
    </message>
    <message>
        <source>a padding zero</source>
        <translation>填充零</translation>
    </message>
    <message>
        <source>each term is x · w (input value · weight)</source>
        <translation>每一项是 x · w（输入值 · 权重）</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Show Cᵀ (transpose)</source>
        <translation>显示 Cᵀ（转置）</translation>
    </message>
    <message>
        <source>Cᵀ maps the output back to the input&apos;s length: it is the matrix of the Conv1DTranspose with the same kernel, strides, padding and dilation.</source>
        <translation>Cᵀ 把输出映射回输入的长度：它就是卷积核、strides（步长）、padding（填充方式）和膨胀率都相同的 Conv1DTranspose（转置卷积）的矩阵。</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>输入步</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>输出步</translation>
    </message>
    <message>
        <source>y = Cᵀ·x + b: Conv1DTranspose is the transpose of a Conv1D&apos;s matrix C. Each column is one input step scattering the kernel; rows are output steps (hatched: cropped by padding or added by output_padding).</source>
        <translation>y = Cᵀ·x + b：Conv1DTranspose 是某个 Conv1D 的矩阵 C 的转置。每一列是一个输入步散布出的卷积核；行是输出步（斜线格：被 padding 裁掉或由 output_padding 补上的步）。</translation>
    </message>
    <message>
        <source>Cᵀ·y: the transposed matrix maps the output back to the input&apos;s steps, as Conv1DTranspose does. Columns are output steps, rows input steps (hatched: padding).</source>
        <translation>Cᵀ·y：转置矩阵把输出映射回输入的各步，Conv1DTranspose 做的就是这件事。列是输出步，行是输入步（斜线格：填充零）。</translation>
    </message>
    <message>
        <source>y = C·x̃ + b: one row per output step, one column per input step (hatched: padding). Each row is the kernel placed at its window.</source>
        <translation>y = C·x̃ + b：每个输出步一行，每个输入步一列（斜线格：填充零）。每一行都是放在其窗口上的卷积核。</translation>
    </message>
    <message>
        <source>Showing output steps {a}–{b} of {n}.</source>
        <translation>显示第 {a}–{b} 个输出步（共 {n} 个）。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} filters.</source>
        <translation>显示 {n} 个过滤器中的 {k} 个。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} channels.</source>
        <translation>显示 {n} 个通道中的 {k} 个。</translation>
    </message>
</context>
<context>
    <name>ModelActions</name>
    <message>
        <source>Open &amp;model (.keras, .h5)…</source>
        <translation>打开模型（.keras、.h5）(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a saved Keras model</source>
        <translation>打开保存的 Keras 模型</translation>
    </message>
    <message>
        <source>Keras models (*.keras *.h5 *.hdf5)</source>
        <translation>Keras 模型 (*.keras *.h5 *.hdf5)</translation>
    </message>
    <message>
        <source>Cannot open model {file}: {why}</source>
        <translation>无法打开模型 {file}：{why}</translation>
    </message>
    <message>
        <source>Opened model {file}</source>
        <translation>已打开模型 {file}</translation>
    </message>
    <message>
        <source>Give an input first: type token ids or load a file.</source>
        <translation>请先给出输入：键入词 id，或载入文件。</translation>
    </message>
    <message>
        <source>{layer} comes before {start}: its input is not known from this input.</source>
        <translation>{layer} 在 {start} 之前：无法由这个输入得到它的输入。</translation>
    </message>
    <message>
        <source>{layer} is in the main window: its kernel {kernel} and bias, on the input it receives {shape}.</source>
        <translation>{layer} 已载入主窗口：它的卷积核 {kernel} 和偏置，作用在它实际收到的输入 {shape} 上。</translation>
    </message>
    <message>
        <source>Showing {layer} of {file}</source>
        <translation>正在显示 {file} 的 {layer}</translation>
    </message>
    <message>
        <source>This session&apos;s layer {layer} came from a model file: {problem}</source>
        <translation>本会话的层 {layer} 来自一个模型文件：{problem}</translation>
    </message>
</context>
<context>
    <name>ModelWindow</name>
    <message>
        <source>Saved model</source>
        <translation>保存的模型</translation>
    </message>
    <message>
        <source>Saved model — {name}</source>
        <translation>保存的模型 — {name}</translation>
    </message>
    <message>
        <source>Input is for:</source>
        <translation>输入用作：</translation>
    </message>
    <message>
        <source>Token ids:</source>
        <translation>词 id：</translation>
    </message>
    <message>
        <source>e.g. 12 5 7 33 (a sentence as the model&apos;s token ids)</source>
        <translation>例如 12 5 7 33（一句话，用模型的词 id 表示）</translation>
    </message>
    <message>
        <source>Use token ids</source>
        <translation>使用这些词 id</translation>
    </message>
    <message>
        <source>Load input (CSV, .npy)…</source>
        <translation>载入输入（CSV、.npy）…</translation>
    </message>
    <message>
        <source>Show in the layer-stack window</source>
        <translation>在层堆叠窗口中显示</translation>
    </message>
    <message>
        <source>Layer (type)</source>
        <translation>层（类型）</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>累计步长</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>the model&apos;s input</source>
        <translation>模型的输入</translation>
    </message>
    <message>
        <source>Show in the diagram</source>
        <translation>在图示中显示</translation>
    </message>
    <message>
        <source>the input of {name}</source>
        <translation>{name} 的输入</translation>
    </message>
    <message>
        <source>{name}: {layers} layers, {params} parameters — {file}, {kind}, saved by Keras {version}. Nothing in the file is run.</source>
        <translation>{name}：{layers} 层，{params} 个参数；{file}，{kind}，由 Keras {version} 保存。文件中的任何内容都不会被运行。</translation>
    </message>
    <message>
        <source>No input yet: type token ids or load a file.</source>
        <translation>还没有输入：键入词 id，或载入文件。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>a fixed example input {shape} (token ids 1, 2, 3, …)</source>
        <translation>固定的示例输入 {shape}（词 id 依次为 1、2、3……）</translation>
    </message>
    <message>
        <source>a fixed example input {shape} (rounded random numbers)</source>
        <translation>固定的示例输入 {shape}（保留两位小数的随机数）</translation>
    </message>
    <message>
        <source>your token ids {ids}</source>
        <translation>你的词 id {ids}</translation>
    </message>
    <message>
        <source>{file}, shape {shape}</source>
        <translation>{file}，形状 {shape}</translation>
    </message>
    <message>
        <source>Input to {target}: {what}</source>
        <translation>{target} 的输入：{what}</translation>
    </message>
    <message>
        <source>Load the input</source>
        <translation>载入输入</translation>
    </message>
    <message>
        <source>Numbers ({patterns})</source>
        <translation>数字 ({patterns})</translation>
    </message>
    <message>
        <source>Cannot compute the input of {layer}: {reason}</source>
        <translation>无法计算 {layer} 的输入：{reason}</translation>
    </message>
    <message>
        <source>Give the input of {next} directly: choose it under “Input is for” and load a file.</source>
        <translation>请直接给出 {next} 的输入：在“输入用作”中选择它，再载入文件。</translation>
    </message>
</context>
<context>
    <name>PictureExport</name>
    <message>
        <source>Export picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PictureSwitch</name>
    <message>
        <source>Picture:</source>
        <translation>图示：</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>格子图</translation>
    </message>
    <message>
        <source>The cell grid only: input, filters and output as cells.</source>
        <translation>只显示格子图：输入、过滤器和输出都画成格子。</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Add the layer as a matrix, y = C·x̃ + b, next to the grid.</source>
        <translation>在格子图旁边把这一层画成矩阵：y = C·x̃ + b。</translation>
    </message>
    <message>
        <source>The layer as curves over time, for inputs too long for cells.</source>
        <translation>把这一层画成随时间变化的曲线，适合太长、画成格子看不清的输入。</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>The signal view draws Conv1D; a Conv1DTranspose shows its scatter.</source>
        <translation>信号视图只画 Conv1D；Conv1DTranspose 显示它的散布过程。</translation>
    </message>
</context>
<context>
    <name>PredictReveal</name>
    <message>
        <source>Predict, then reveal: step forward (→) and the class guesses each new value before Enter shows it.</source>
        <translation>先预测，再揭晓：按 → 前进一步，全班先猜每个新值，再按 Enter 揭晓。</translation>
    </message>
    <message>
        <source>Output length: {formula} steps</source>
        <translation>输出长度：{formula} 步</translation>
    </message>
    <message>
        <source>What will y[{t}, {f}] be?</source>
        <translation>y[{t}, {f}] 会是多少？</translation>
    </message>
    <message>
        <source>What will y[{t}, :] be (every filter)?</source>
        <translation>y[{t}, :] 会是多少（所有过滤器）？</translation>
    </message>
    <message>
        <source>What will the output length be?</source>
        <translation>输出长度会是多少？</translation>
    </message>
    <message>
        <source>Press Enter to reveal.</source>
        <translation>按 Enter 揭晓。</translation>
    </message>
</context>
<context>
    <name>ShapesPanel</name>
    <message>
        <source>Shapes</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>(batch, steps, channels)</source>
        <translation>(批量, 步数, 通道)</translation>
    </message>
    <message>
        <source>(batch, channels, steps)</source>
        <translation>(批量, 通道, 步数)</translation>
    </message>
    <message>
        <source>(batch, steps, filters)</source>
        <translation>(批量, 步数, 过滤器)</translation>
    </message>
    <message>
        <source>(batch, filters, steps)</source>
        <translation>(批量, 过滤器, 步数)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>kernel — Keras</source>
        <translation>卷积核 — Keras</translation>
    </message>
    <message>
        <source>weight — PyTorch</source>
        <translation>权重 — PyTorch</translation>
    </message>
    <message>
        <source>W — Keras 1 / Theano</source>
        <translation>W — Keras 1 / Theano</translation>
    </message>
    <message>
        <source>Keras 1 had no groups</source>
        <translation>Keras 1 没有 groups（分组）</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>use_bias=False</source>
        <translation>use_bias=False</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>: </source>
        <comment>after a label</comment>
        <translation>：</translation>
    </message>
    <message>
        <source>Filter {f} highlighted (click a filter, a weight or an output cell)</source>
        <translation>已高亮过滤器 {f}（可点击过滤器、权重或输出格子）</translation>
    </message>
    <message>
        <source>Output length</source>
        <translation>输出长度</translation>
    </message>
    <message>
        <source>Effective kernel span: keff = {formula} = {substituted} = {result}</source>
        <translation>膨胀后卷积核的有效跨度：keff = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;valid&apos; output length: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;valid&apos; 的输出长度：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Too short: &apos;valid&apos; needs L ≥ keff, but {substituted}</source>
        <translation>输入太短：&apos;valid&apos; 需要 L ≥ keff，但 {substituted}</translation>
    </message>
    <message>
        <source>&apos;same&apos; output length: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;same&apos; 的输出长度：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;same&apos; zeros in total: total = {formula} = {substituted} = {result}</source>
        <translation>&apos;same&apos; 补零总数：total = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Split (left, right) = {formula} = {substituted} = {result}</source>
        <translation>左右分配 (left, right) = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;causal&apos; pads the left only: (left, right) = {formula} = {substituted} = {result}</source>
        <translation>&apos;causal&apos; 只在左边补零：(left, right) = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;causal&apos; output length: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;causal&apos; 的输出长度：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Padded length = {formula} = {substituted} = {result}</source>
        <translation>填充后的长度 = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Padding &apos;valid&apos;: no zeros are added.</source>
        <translation>填充 &apos;valid&apos;：不补零。</translation>
    </message>
    <message numerus="yes">
        <source>Padding &apos;{p}&apos;: %n zero(s) on the left</source>
        <translation>
            <numerusform>padding &apos;{p}&apos;：左边补 %n 个零</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n on the right.</source>
        <translation>
            <numerusform>，右边补 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The total is odd: Keras puts the extra zero on the right.</source>
        <translation>总数是奇数：Keras 把多出的零补在右边。</translation>
    </message>
    <message>
        <source>Output step t never sees an input after step t.</source>
        <translation>输出步 t 永远看不到第 t 步之后的输入。</translation>
    </message>
    <message>
        <source>kernel — Keras Conv1DTranspose</source>
        <translation>卷积核 — Keras Conv1DTranspose</translation>
    </message>
    <message>
        <source>filters before channels: the reverse of Conv1D&apos;s (k, C, F)</source>
        <translation>过滤器在通道之前：与 Conv1D 的 (k, C, F) 相反</translation>
    </message>
    <message>
        <source>weight — PyTorch ConvTranspose1d</source>
        <translation>权重 — PyTorch ConvTranspose1d</translation>
    </message>
    <message>
        <source>&apos;{padding}&apos; output length, output_padding={op}: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;{padding}&apos; 的输出长度（output_padding={op}）：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Full scatter before cropping: (L − 1)·s + keff = {substituted} = {result}</source>
        <translation>裁掉之前的完整散布长度：(L − 1)·s + keff = {substituted} = {result}</translation>
    </message>
    <message>
        <source>This Conv1DTranspose has no output steps.</source>
        <translation>这个 Conv1DTranspose 没有输出步。</translation>
    </message>
    <message numerus="yes">
        <source>Keras keeps output steps {start}…{stop} of the full scatter: it crops %n step(s) on the left</source>
        <translation>
            <numerusform>Keras 保留完整散布结果的第 {start}…{stop} 步：左边裁掉 %n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keras keeps the full scatter from step {start} and adds %n zero step(s) at the end (output_padding).</source>
        <translation>
            <numerusform>Keras 从第 {start} 步起保留完整散布结果，并在末尾补 %n 个零步（output_padding）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideTabs</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The Conv1D arguments and the input shape.</source>
        <translation>Conv1D 的参数和输入形状。</translation>
    </message>
    <message>
        <source>Arithmetic and shapes</source>
        <translation>算式与形状</translation>
    </message>
    <message>
        <source>How the current output value is computed, and every shape. On a wider window (1500 pixels and more) these panels stand beside the diagram.</source>
        <translation>当前输出值是怎样算出来的，以及所有形状。主窗口更宽时（1500 像素及以上），这两个面板显示在图示旁边。</translation>
    </message>
</context>
<context>
    <name>SignalView</name>
    <message>
        <source>input x: one curve per channel (shaded: padding)</source>
        <translation>输入 x：每个通道一条曲线（斜线区：填充零）</translation>
    </message>
    <message>
        <source>filters: each kernel as a small waveform (bold: the current filter)</source>
        <translation>过滤器：每个卷积核画成一小段波形（粗线：当前过滤器）</translation>
    </message>
    <message>
        <source>output y: one curve per filter, under the window that computed it</source>
        <translation>输出 y：每个过滤器一条曲线，画在算出它的窗口下方</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>输入步</translation>
    </message>
    <message>
        <source>kernel position (filter after filter)</source>
        <translation>卷积核位置（过滤器依次排列）</translation>
    </message>
    <message>
        <source>{steps} input steps, {out} output steps, padding &apos;{padding}&apos;.</source>
        <translation>{steps} 个输入步，{out} 个输出步，padding=&apos;{padding}&apos;。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} channels.</source>
        <translation>显示 {n} 个通道中的 {k} 个。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} filters.</source>
        <translation>显示 {n} 个过滤器中的 {k} 个。</translation>
    </message>
</context>
<context>
    <name>StackActions</name>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Layer stack…</source>
        <translation>层堆叠(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Compare two settings…</source>
        <translation>比较两种设置(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>StackCanvas</name>
    <message>
        <source>Input {shape} — your input, through the saved model&apos;s own weights</source>
        <extracomment>The common Keras activations offered in the forms (a subset of conv_core&apos;s KERAS_ACTIVATIONS). Keras class -&gt; the arguments its form edits: (Keras name, kind); kind is &apos;int&apos;, &apos;optint&apos; (None at 0), &apos;float&apos;, &apos;bool&apos;, or a tuple of choices.</extracomment>
        <translation>输入 {shape} — 你的输入，经过所保存模型自己的权重</translation>
    </message>
    <message>
        <source>Input {shape}: token ids, drawn as their word vectors (deterministic random values)</source>
        <translation>输入 {shape}：词 id，画成对应的词向量（固定种子生成的随机值）</translation>
    </message>
    <message>
        <source>values from the main window</source>
        <translation>来自主窗口的值</translation>
    </message>
    <message>
        <source>deterministic random values</source>
        <translation>固定种子生成的随机值</translation>
    </message>
    <message>
        <source>Input {shape} — {source}</source>
        <translation>输入 {shape} — {source}</translation>
    </message>
    <message>
        <source>{name} ({cls}) → {shape}</source>
        <translation>{name} ({cls}) → {shape}</translation>
    </message>
    <message>
        <source> · receptive field {r}, jump {j}</source>
        <translation> · 感受野 {r}，累计步长 {j}</translation>
    </message>
    <message>
        <source> · steps only (no numbers)</source>
        <translation> · 只画出时间步（不显示数值）</translation>
    </message>
    <message>
        <source>input step (every row placed over the input)</source>
        <translation>输入步（每一行都对齐到输入上）</translation>
    </message>
    <message>
        <source>Input: no values (the input shape is unknown)</source>
        <translation>输入：没有数值（输入形状未知）</translation>
    </message>
    <message>
        <source>{name} ({cls}): not modelled by the explorer.</source>
        <translation>{name} ({cls})：本应用无法模拟这一层。</translation>
    </message>
    <message>
        <source>{name} ({cls}): Keras refuses this layer.</source>
        <translation>{name} ({cls})：Keras 会拒绝这一层。</translation>
    </message>
    <message>
        <source>{head}
{message}
Fix: {fix}</source>
        <translation>{head}
{message}
改法：{fix}</translation>
    </message>
    <message>
        <source>{name} ({cls}): not built — a layer before it failed or the input shape is unknown</source>
        <translation>{name} ({cls})：未构建（它前面的某一层出错，或输入形状未知）</translation>
    </message>
    <message>
        <source>{name} ({cls}) → {shape} · {params} parameters · looks up one vector per token: the vectors are the input row above</source>
        <translation>{name} ({cls}) → {shape} · {params} 个参数 · 为每个词 id 查出一个向量：这些向量就是上方的输入行</translation>
    </message>
    <message>
        <source>{name} ({cls}) → {shape} · {params} parameters · shapes only</source>
        <translation>{name} ({cls}) → {shape} · {params} 个参数 · 只计算形状</translation>
    </message>
</context>
<context>
    <name>StackWindow</name>
    <message>
        <source>Layer stack — shapes and receptive fields</source>
        <extracomment>After *Build* read the code off the GUI thread and showed it: True when a model was found.</extracomment>
        <translation>层堆叠 — 形状与感受野</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>Choose a model from the material…</source>
        <translation>从教材中选择一个模型…</translation>
    </message>
    <message>
        <source>Paste Keras code here (model.add(...), Sequential([...]) or keras.Input(...) calls). It is only read, never run.</source>
        <translation>在此粘贴 Keras 代码（model.add(...)、Sequential([...]) 或 keras.Input(...) 调用）。代码只会被读取，不会被运行。</translation>
    </message>
    <message>
        <source>Input steps:</source>
        <translation>输入步数：</translation>
    </message>
    <message>
        <source>Steps of one sample; None (0) means any length.</source>
        <translation>一个样本的步数；None（0）表示任意长度。</translation>
    </message>
    <message>
        <source>channels:</source>
        <translation>通道数：</translation>
    </message>
    <message>
        <source>Channels of one step; — (0) means no channel axis (token ids for an Embedding).</source>
        <translation>每一步的通道数；—（0）表示没有通道轴（给 Embedding 的词 id）。</translation>
    </message>
    <message>
        <source>length used for None:</source>
        <translation>None 时使用的长度：</translation>
    </message>
    <message>
        <source>How many steps to compute and draw when the steps are None.</source>
        <translation>步数为 None 时，计算并绘制多少步。</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>构建(&amp;B)</translation>
    </message>
    <message>
        <source>Read the code and build the stack (nothing is executed).</source>
        <translation>读取代码并构建层堆叠（不会执行任何代码）。</translation>
    </message>
    <message>
        <source>Use the main window&apos;s input x when its shape fits</source>
        <translation>形状合适时使用主窗口的输入 x</translation>
    </message>
    <message>
        <source>Compare two settings…</source>
        <translation>比较两种设置…</translation>
    </message>
    <message>
        <source>A model with branches is rewired in the code, then built again.</source>
        <translation>有分支的模型请在代码中修改连接，然后重新构建。</translation>
    </message>
    <message>
        <source>Layers (the wiring is in the code):</source>
        <translation>层（连接关系在代码中）：</translation>
    </message>
    <message>
        <source>Layers (drag to reorder):</source>
        <translation>层（拖动可调整顺序）：</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step through the output steps of the chosen layer.</source>
        <translation>逐个播放所选层的各个输出步。</translation>
    </message>
    <message>
        <source>Place outputs at:</source>
        <translation>输出放在：</translation>
    </message>
    <message>
        <source>the middle of their field</source>
        <translation>感受野的中间</translation>
    </message>
    <message>
        <source>the end of their field (causal)</source>
        <translation>感受野的末端（因果）</translation>
    </message>
    <message>
        <source>their own step index</source>
        <translation>自己的步序号</translation>
    </message>
    <message>
        <source>Layer (type)</source>
        <translation>层（类型）</translation>
    </message>
    <message>
        <source>Output Shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>累计步长</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>the code gives no usable input shape: using {shape} from the input fields</source>
        <translation>代码没有给出可用的输入形状：改用输入框中的 {shape}</translation>
    </message>
    <message>
        <source>{n} models in the code: showing the first, {name}</source>
        <translation>代码中有 {n} 个模型：显示第一个，{name}</translation>
    </message>
    <message>
        <source>no model found: the code needs layer calls such as model.add(layers.Conv1D(32, 7)) or keras.Input(shape=(steps, channels))</source>
        <translation>没有找到模型：代码需要包含层的调用，例如 model.add(layers.Conv1D(32, 7)) 或 keras.Input(shape=(steps, channels))</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>line {line}: {severity}: {message}</source>
        <translation>第 {line} 行：{severity}：{message}</translation>
    </message>
    <message>
        <source>The code reads cleanly.</source>
        <translation>代码读取顺利，没有发现问题。</translation>
    </message>
    <message>
        <source>Keras: {message}
Fix: {fix}</source>
        <translation>Keras：{message}
改法：{fix}</translation>
    </message>
    <message>
        <source>Total params: {total} · Trainable params: {trainable} · Non-trainable params: {non}</source>
        <translation>总参数量：{total} · 可训练参数量：{trainable} · 不可训练参数量：{non}</translation>
    </message>
    <message>
        <source>{name}: {message}
Fix: {fix}</source>
        <translation>{name}：{message}
改法：{fix}</translation>
    </message>
    <message>
        <source>No numbers are drawn: {message}
Fix: {fix}</source>
        <translation>不显示数值：{message}
改法：{fix}</translation>
    </message>
    <message>
        <source>click an output step</source>
        <translation>点击一个输出步</translation>
    </message>
    <message>
        <source>{name}: output step {t} of {n}</source>
        <translation>{name}：输出步 {t} / {n}</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>The layer</source>
        <translation>这一层</translation>
    </message>
    <message>
        <source>Every Conv1D argument, named as Keras names it. Change one and the picture follows; an invalid value explains itself here, with the fix.</source>
        <translation>Conv1D 的每个参数，名字与 Keras 一致。改动任何一个，图示随之更新；无效的值会在这里说明原因和改法。</translation>
    </message>
    <message>
        <source>The picture</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>Top: the input (hatched cells are padding zeros). Middle: one kernel per filter. Bottom: the output, filling in as the window slides.</source>
        <translation>上：输入（斜线格是填充零）。中：每个过滤器一个卷积核。下：输出，随窗口滑动逐格填入。</translation>
    </message>
    <message>
        <source>Arithmetic and shapes</source>
        <translation>算式与形状</translation>
    </message>
    <message>
        <source>How each output value is computed, and every shape. On a narrow screen they wait behind this tab; from 1500 pixels wide they stand beside the diagram.</source>
        <translation>每个输出值是怎样算出来的，以及所有形状。屏幕较窄时，它们收在这个标签页里；主窗口宽 1500 像素及以上时，它们显示在图示旁边。</translation>
    </message>
    <message>
        <source>Step through it</source>
        <translation>逐步查看</translation>
    </message>
    <message>
        <source>← / → step, Space plays, Home / End jump. Every output value is one window times one filter.</source>
        <translation>← / → 单步，空格播放，Home / End 跳到首尾。每个输出值都来自一个窗口和一个过滤器：对应位置相乘，再全部相加。</translation>
    </message>
    <message>
        <source>The same in code</source>
        <translation>对应的代码</translation>
    </message>
    <message>
        <source>Keras, PyTorch or NumPy code that rebuilds this exact layer and checks the output. Copy it and run it.</source>
        <translation>用 Keras、PyTorch 或 NumPy 代码重建这一层并核对输出。复制下来运行即可。</translation>
    </message>
    <message>
        <source>Language and classroom</source>
        <translation>语言与课堂</translation>
    </message>
    <message>
        <source>Language: English, 简体中文, 繁體中文. View &gt; Classroom mode (F11): full screen, high contrast, predict then reveal.</source>
        <translation>语言：English、简体中文、繁體中文。“视图 &gt; 课堂模式”（F11）：全屏、高对比度、“先预测，再揭晓”。</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>End the tour now; Help &gt; Show the tour brings it back.</source>
        <translation>现在结束导览；以后可从“帮助 &gt; 显示导览”再次打开。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>The previous step of the tour.</source>
        <translation>导览的上一步。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Close the tour.</source>
        <translation>关闭导览。</translation>
    </message>
    <message>
        <source>The next step of the tour.</source>
        <translation>导览的下一步。</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>First position (Home)</source>
        <translation>第一个位置（Home）</translation>
    </message>
    <message>
        <source>Step back (Left)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step forward (Right)</source>
        <translation>前进一步（→）</translation>
    </message>
    <message>
        <source>Last position (End)</source>
        <translation>最后一个位置（End）</translation>
    </message>
    <message>
        <source>Every (step, filter) position; drag to scrub.</source>
        <translation>所有位置：每个输出步 × 每个过滤器；拖动即可跳转。</translation>
    </message>
    <message>
        <source>Animation speed in positions per second (+ / -).</source>
        <translation>动画速度：每秒前进几个位置（+ / -）。</translation>
    </message>
    <message>
        <source>one filter at a time</source>
        <translation>一次一个过滤器</translation>
    </message>
    <message>
        <source>all filters together</source>
        <translation>所有过滤器一起</translation>
    </message>
    <message>
        <source>Slide one filter over the whole input before the next, or all filters at once.</source>
        <translation>先让一个过滤器滑过整个输入再换下一个，或让所有过滤器同时滑动。</translation>
    </message>
    <message>
        <source>{speed:g}/s</source>
        <translation>{speed:g}/秒</translation>
    </message>
    <message>
        <source>Every input step of the Conv1DTranspose, scattering in turn; drag to scrub.</source>
        <translation>Conv1DTranspose 的每个输入步依次散布；拖动即可跳转。</translation>
    </message>
    <message>
        <source>step {t} (all filters) — {p}/{n}</source>
        <translation>第 {t} 步（所有过滤器）— {p}/{n}</translation>
    </message>
    <message>
        <source>step {t}, filter {f} — {p}/{n}</source>
        <translation>第 {t} 步，过滤器 {f} — {p}/{n}</translation>
    </message>
    <message>
        <source>input step {i} (no output steps) — {p}/{n}</source>
        <translation>输入步 {i}（没有输出步）— {p}/{n}</translation>
    </message>
    <message>
        <source>input step {i} → cropped — {p}/{n}</source>
        <translation>输入步 {i} → 被裁掉 — {p}/{n}</translation>
    </message>
    <message>
        <source>input step {i} → output steps {o} — {p}/{n}</source>
        <translation>输入步 {i} → 输出步 {o} — {p}/{n}</translation>
    </message>
</context>
<context>
    <name>TransposeView</name>
    <message>
        <source>input x: the outlined step scatters now</source>
        <translation>输入 x：框出的这一步正在散布</translation>
    </message>
    <message>
        <source>what step i adds: x[i] · w (hatched: cropped)</source>
        <translation>输入步 i 加上的量：x[i] · w（斜线格：被裁掉）</translation>
    </message>
    <message>
        <source>output y: running sums, overlaps add up (bias included)</source>
        <translation>输出 y：当前的累加和，重叠处相加（含偏置）</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>输入步</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>输出步</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>Input step {i} adds x[{i}] · w at output steps {i}·{s} + j·{d} − {crop}; {n} input steps make {out} output steps.</source>
        <translation>输入步 {i} 把 x[{i}] · w 加到输出步 {i}·{s} + j·{d} − {crop} 上；{n} 个输入步得到 {out} 个输出步。</translation>
    </message>
    <message>
        <source>This Conv1DTranspose has no output steps.</source>
        <translation>这个 Conv1DTranspose 没有输出步。</translation>
    </message>
</context>
<context>
    <name>_LayerForm</name>
    <message>
        <source>Arguments of the selected layer</source>
        <translation>所选层的参数</translation>
    </message>
    <message>
        <source>Select a layer to edit its arguments.</source>
        <translation>选择一层来编辑它的参数。</translation>
    </message>
    <message>
        <source>A model input: its shape is set in the code (the first input&apos;s also in the input fields).</source>
        <translation>模型的输入：其形状在代码中设置（第一个输入的形状也可在输入栏中设置）。</translation>
    </message>
    <message>
        <source>{cls} is not modelled: edit it in the code.</source>
        <translation>本应用无法模拟 {cls}：请在代码中修改它。</translation>
    </message>
    <message>
        <source>{cls} has no arguments that change shapes.</source>
        <translation>{cls} 没有会改变形状的参数。</translation>
    </message>
</context>
<context>
    <name>_Side</name>
    <message>
        <source>Setting {side}</source>
        <extracomment>name -&gt; (changes for A, changes for B) on top of the main window&apos;s layer.</extracomment>
        <translation>设置 {side}</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>input step (outputs under their windows)</source>
        <translation>输入时间步（输出画在各自窗口的下方）</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>输出步</translation>
    </message>
    <message>
        <source> — zeros: {l} left, {r} right (hatched)</source>
        <translation> — 补零：左边 {l} 个，右边 {r} 个（斜线格）</translation>
    </message>
    <message>
        <source>Input: {steps} × {channels}</source>
        <translation>输入：{steps} × {channels}</translation>
    </message>
    <message>
        <source>Output: {steps} × {filters}, shape {shape}</source>
        <translation>输出：{steps} × {filters}，形状 {shape}</translation>
    </message>
    <message>
        <source>{message}
Fix: {fix}</source>
        <translation>{message}
改法：{fix}</translation>
    </message>
    <message>
        <source>Setting {side}: no output</source>
        <translation>设置 {side}：没有输出</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <source>Compare two Conv1D settings on the same input</source>
        <translation>在同一输入上比较两种 Conv1D 设置</translation>
    </message>
    <message>
        <source>A → B: {changes}</source>
        <translation>A → B：{changes}</translation>
    </message>
</context>
<context>
    <name>editing</name>
    <message>
        <source>Type a number, for example 3, -1.5 or 0.25.</source>
        <translation>请输入一个数字，例如 3、-1.5 或 0.25。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; (not a number) cannot be used: every cell needs a real number.</source>
        <translation>不能使用“{text}”（不是数字）：每个格子都需要一个实数。</translation>
    </message>
    <message>
        <source>Infinity cannot be used: keep values between -1e15 and 1e15.</source>
        <translation>不能使用无穷大：数值请保持在 -1e15 到 1e15 之间。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number. Type digits with an optional sign, decimal point and exponent, for example 3, -1.5 or 2e-3.</source>
        <translation>“{text}”不是数字。请输入数字，可带正负号、小数点和指数，例如 3、-1.5 或 2e-3。</translation>
    </message>
    <message>
        <source>{text} is too large: keep values between -1e15 and 1e15.</source>
        <translation>{text} 太大：数值请保持在 -1e15 到 1e15 之间。</translation>
    </message>
    <message>
        <source>The clipboard holds no numbers to paste.</source>
        <translation>剪贴板里没有可以粘贴的数字。</translation>
    </message>
    <message>
        <source>Row {r}, column {c}: {why}</source>
        <translation>第 {r} 行第 {c} 列：{why}</translation>
    </message>
    <message>
        <source>Rows differ in length (row 1: {m}, row {r}: {n}): paste a rectangular block.</source>
        <translation>各行长度不同（第 1 行 {m} 个，第 {r} 行 {n} 个）：请粘贴一个矩形的数据块。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{call}:  input {shape_in} → output {shape_out}</source>
        <translation>{call}：输入 {shape_in} → 输出 {shape_out}</translation>
    </message>
    <message>
        <source>Lout = {f} = {s} = {r}   (keff = {kf} = {kr})</source>
        <translation>Lout = {f} = {s} = {r}   (keff = {kf} = {kr})</translation>
    </message>
    <message>
        <source>, padding {left} left + {right} right</source>
        <translation>，填充：左 {left} + 右 {right}</translation>
    </message>
    <message>
        <source>all filters, step {t}</source>
        <translation>所有过滤器，第 {t} 步</translation>
    </message>
    <message>
        <source>step {t}, filter {f}</source>
        <translation>第 {t} 步，过滤器 {f}</translation>
    </message>
    <message>
        <source>{where} — {n}/{total}</source>
        <translation>{where} — {n}/{total}</translation>
    </message>
    <message>
        <source>Made with Conv1D Explorer</source>
        <translation>由 Conv1D Explorer 制作</translation>
    </message>
</context>
<context>
    <name>hover</name>
    <message>
        <source>no output reads this step</source>
        <translation>没有输出读取这一步</translation>
    </message>
    <message>
        <source>feeds output steps {steps}</source>
        <translation>参与计算输出步 {steps}</translation>
    </message>
    <message>
        <source>{step} (padding zero)</source>
        <translation>{step}（填充零）</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左边</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右边</translation>
    </message>
    <message>
        <source>padding &apos;{p}&apos; adds zeros: {l} on the left, {r} on the right; this one is on the {side}</source>
        <translation>padding &apos;{p}&apos; 补零：左边 {l} 个，右边 {r} 个；这个零在{side}</translation>
    </message>
    <message>
        <source>no window reads it</source>
        <translation>没有窗口读取它</translation>
    </message>
    <message>
        <source>read by {reads}, so it adds nothing to those sums</source>
        <translation>被 {reads} 读取，所以对这些和没有贡献</translation>
    </message>
    <message>
        <source>✕ grey: input steps no output reads (strides skip them / after the last window): {steps}</source>
        <translation>✕ 灰色：没有输出读取的输入步（被步长跳过，或在最后一个窗口之后）：{steps}</translation>
    </message>
</context>
<context>
    <name>keras_code</name>
    <message>
        <source>the code has more than {nodes:,} parts (names, numbers, signs...), more than the explorer reads: it is not read</source>
        <translation>代码超过 {nodes:,} 个部分（名称、数字、符号……），超出本应用的读取上限：不读取</translation>
    </message>
    <message>
        <source>ignored ({why}): {snippet}</source>
        <translation>已忽略（{why}）：{snippet}</translation>
    </message>
    <message>
        <source>ignored: model.{method}(...) is not read</source>
        <translation>已忽略：不读取 model.{method}(...)</translation>
    </message>
    <message>
        <source>Keras 1 Merge of Sequential models: read as a functional model with one input per branch model (keras.Model([input_1, input_2], ...) in Keras 3)</source>
        <translation>Keras 1 中合并 Sequential 模型的 Merge：按函数式模型读取，每个分支模型一个输入（Keras 3 中为 keras.Model([input_1, input_2], ...)）</translation>
    </message>
    <message>
        <source>Keras 1 `{cls}(mode={mode})` is `{call}` in Keras 3</source>
        <translation>Keras 1 的 `{cls}(mode={mode})` 在 Keras 3 中是 `{call}`</translation>
    </message>
    <message>
        <source>Keras 1 `{text}` is `{keras_code}` in Keras 3</source>
        <translation>Keras 1 的 `{text}` 在 Keras 3 中是 `{keras_code}`</translation>
    </message>
    <message>
        <source>reading the code took more than {seconds:g} s: the code from here on is not read</source>
        <translation>读取代码超过 {seconds:g} 秒：从这里起的代码不再读取</translation>
    </message>
    <message>
        <source>more than {layers:,} layers: the explorer reads at most {layers:,}; the code from here on is not read</source>
        <translation>超过 {layers:,} 层：本应用最多读取 {layers:,} 层；从这里起的代码不再读取</translation>
    </message>
    <message>
        <source>more than {models:,} models: the explorer reads at most {models:,}; the code from here on is not read</source>
        <translation>超过 {models:,} 个模型：本应用最多读取 {models:,} 个；从这里起的代码不再读取</translation>
    </message>
    <message>
        <source>not run: `{snippet}` is code, not a Keras layer; pasted code is only read, never executed</source>
        <translation>未运行：`{snippet}` 是代码，不是 Keras 层；粘贴的代码只被读取，从不执行</translation>
    </message>
    <message>
        <source>more than {count:,} function calls: {name}() is not followed</source>
        <translation>函数调用超过 {count:,} 次：不跟踪 {name}()</translation>
    </message>
    <message>
        <source>{name}() calls functions more than {MAX_CALL_DEPTH} deep: not followed further</source>
        <translation>{name}() 的函数调用超过 {MAX_CALL_DEPTH} 层：不再继续跟踪</translation>
    </message>
    <message>
        <source>the comprehension has {count:,} passes, more than the {limit:,} the explorer unrolls: it is not read</source>
        <translation>该推导式要执行 {count:,} 次，超过本应用展开的上限 {limit:,}：不读取</translation>
    </message>
    <message>
        <source>calling a functional model on a tensor is not followed; the model is read on its own</source>
        <translation>不跟踪在张量上调用函数式模型；该模型单独读取</translation>
    </message>
    <message>
        <source>Keras names are case-sensitive: `{name}` should be written `{match}`</source>
        <translation>Keras 名称区分大小写：`{name}` 应写作 `{match}`</translation>
    </message>
    <message>
        <source>a functional model inside a Sequential model is not followed; skipped</source>
        <translation>不跟踪 Sequential 模型中的函数式模型；已跳过</translation>
    </message>
    <message>
        <source>an input shape after the first layer is ignored (Keras takes the input shape of the first layer only)</source>
        <translation>第一层之后的输入形状被忽略（Keras 只采用第一层的输入形状）</translation>
    </message>
    <message>
        <source>Model(...) without outputs: subclassed models are not read</source>
        <translation>Model(...) 没有 outputs：不读取子类化的模型</translation>
    </message>
    <message>
        <source>the outputs `{snippet}` are not a chain of layers from keras.Input: skipped</source>
        <translation>输出 `{snippet}` 不是从 keras.Input 开始的一串层：已跳过</translation>
    </message>
    <message>
        <source>a layer is called on `{text}`, which is not a keras.Input: its input shape is unknown</source>
        <translation>某层在 `{text}` 上调用，它不是 keras.Input：输入形状未知</translation>
    </message>
    <message>
        <source>{cls}(...) without a literal shape: pass --input-shape</source>
        <translation>{cls}(...) 没有字面量形状：请传入 --input-shape</translation>
    </message>
    <message>
        <source>{cls}: the shape `{text}` is not a literal ({reason}); pass --input-shape</source>
        <translation>{cls}：形状 `{text}` 不是字面量（{reason}）；请传入 --input-shape</translation>
    </message>
    <message>
        <source>Keras 1 {cls}(mode={mode}) has no Keras 3 layer the explorer reads</source>
        <translation>Keras 1 的 {cls}(mode={mode}) 没有本应用能读取的 Keras 3 层</translation>
    </message>
    <message>
        <source>{cls}: the wrapped layer `{what}` could not be read</source>
        <translation>{cls}：无法读取被包装的层 `{what}`</translation>
    </message>
    <message>
        <source>LeakyReLU(alpha=...) is Keras 2: Keras 3 writes negative_slope=</source>
        <translation>LeakyReLU(alpha=...) 是 Keras 2 的写法：Keras 3 写作 negative_slope=</translation>
    </message>
    <message>
        <source>batch_input_shape is Keras 2; Keras 3 writes keras.Input(batch_shape=...)</source>
        <translation>batch_input_shape 是 Keras 2 的写法；Keras 3 写作 keras.Input(batch_shape=...)</translation>
    </message>
    <message>
        <source>input_length without input_dim: the channels are unknown</source>
        <translation>有 input_length 而没有 input_dim：通道数未知</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>the code is nested more than {depth} levels deep at line {at}, more than the explorer reads: it is not read</source>
        <translation>代码在第 {at} 行嵌套超过 {depth} 层，超出本应用的读取上限：不读取</translation>
    </message>
    <message>
        <source>{count} models found: {where}; the first is shown (the CLI&apos;s --model N picks another)</source>
        <translation>找到 {count} 个模型：{where}；显示第一个（命令行的 --model N 可选其他模型）</translation>
    </message>
    <message>
        <source>no Keras model found (no Sequential, model.add(...) or keras.Model(...))</source>
        <translation>没有找到 Keras 模型（没有 Sequential、model.add(...) 或 keras.Model(...)）</translation>
    </message>
    <message>
        <source>`{name}` is not created in the snippet: read as {name} = Sequential()</source>
        <translation>代码片段中没有创建 `{name}`：按 {name} = Sequential() 读取</translation>
    </message>
    <message>
        <source>the loop `for ... in {snippet}` is not over a literal list or range(n): its body is read once</source>
        <translation>循环 `for ... in {snippet}` 遍历的不是字面量列表或 range(n)：循环体只读取一次</translation>
    </message>
    <message>
        <source>the loop `for ... in {snippet}` has {count} passes, more than the {limit:,} the explorer unrolls: its body is read once</source>
        <translation>循环 `for ... in {snippet}` 要执行 {count} 次，超过本应用展开的上限 {limit:,}：循环体只读取一次</translation>
    </message>
    <message>
        <source>`{items}`: `{root}` is not imported in the snippet; read as keras.layers.{known}</source>
        <translation>`{items}`：代码片段中没有导入 `{root}`；按 keras.layers.{known} 读取</translation>
    </message>
    <message>
        <source>model.add() needs a layer</source>
        <translation>model.add() 需要一个层</translation>
    </message>
    <message>
        <source>input_shape on a layer that is not the first is ignored (Keras reads it on the first layer only)</source>
        <translation>非第一层上的 input_shape 被忽略（Keras 只读取第一层上的）</translation>
    </message>
    <message>
        <source>a layer called more than once (a shared layer): the summary shows its first call</source>
        <translation>某层被调用了不止一次（共享层）：摘要显示它的第一次调用</translation>
    </message>
    <message>
        <source>{cls}: *args is not read</source>
        <translation>{cls}：不读取 *args</translation>
    </message>
    <message>
        <source>{cls}: too many positional arguments; `{snippet}` ignored</source>
        <translation>{cls}：位置参数过多；已忽略 `{snippet}`</translation>
    </message>
    <message>
        <source>{cls}: **kwargs is not read</source>
        <translation>{cls}：不读取 **kwargs</translation>
    </message>
    <message>
        <source>{cls}() got multiple values for argument &apos;{arg}&apos;; the keyword one is used</source>
        <translation>{cls}() 的参数 &apos;{arg}&apos; 有多个值；采用关键字参数的值</translation>
    </message>
    <message>
        <source>{cls}: unknown argument `{key}`</source>
        <translation>{cls}：未知参数 `{key}`</translation>
    </message>
    <message>
        <source>{name} is a Keras layer the explorer does not model: its output shape and the shapes after it are unknown</source>
        <translation>{name} 是本应用无法模拟的 Keras 层：它的输出形状以及其后的形状都未知</translation>
    </message>
    <message>
        <source>--input-shape {format_shape} fills in the code&apos;s input shape {show_shape}</source>
        <translation>--input-shape {format_shape} 补全了代码中的输入形状 {show_shape}</translation>
    </message>
    <message>
        <source>--input-shape {format_shape} replaces the code&apos;s input shape {show_shape}</source>
        <translation>--input-shape {format_shape} 取代了代码中的输入形状 {show_shape}</translation>
    </message>
    <message>
        <source>Keras 1 argument `{key}` is `{new}` in Keras 2 and 3</source>
        <translation>Keras 1 的参数 `{key}` 在 Keras 2 和 3 中是 `{new}`</translation>
    </message>
    <message>
        <source>Keras 3 ignores Embedding(input_length=...) (deprecated); it is read as keras.Input(shape=({length},))</source>
        <translation>Keras 3 忽略 Embedding(input_length=...)（已弃用）；按 keras.Input(shape=({length},)) 读取</translation>
    </message>
    <message>
        <source>input_dim/input_length are Keras 1/2: read as keras.Input(shape=({steps}, {dim}))</source>
        <translation>input_dim/input_length 是 Keras 1/2 的写法：按 keras.Input(shape=({steps}, {dim})) 读取</translation>
    </message>
    <message>
        <source>{cls}: {key}=`{value}` is not read; it does not change shapes or parameter counts</source>
        <translation>{cls}：不读取 {key}=`{value}`；它不改变形状和参数量</translation>
    </message>
    <message>
        <source>{cls}: {key}=`{text}` is not a literal ({reason}): this layer cannot be computed</source>
        <translation>{cls}：{key}=`{text}` 不是字面量（{reason}）：无法计算这一层</translation>
    </message>
    <message>
        <source>{cls}: {key}={huge} is larger than {bound}, the largest size the explorer reads: this layer cannot be computed</source>
        <translation>{cls}：{key}={huge} 大于本应用能读取的最大尺寸 {bound}：无法计算这一层</translation>
    </message>
    <message>
        <source>{legacy_class}: {key}=`{text}` is not read ({reason}); it does not change shapes or parameter counts</source>
        <translation>{legacy_class}：不读取 {key}=`{text}`（{reason}）；它不改变形状和参数量</translation>
    </message>
    <message>
        <source>{legacy_class}: {key}=`{text}` is not a literal ({reason}): this layer cannot be computed</source>
        <translation>{legacy_class}：{key}=`{text}` 不是字面量（{reason}）：无法计算这一层</translation>
    </message>
    <message>
        <source>{legacy_class}: {keras}</source>
        <translation>{legacy_class}：{keras}</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>typographic character {bad} read as {good}</source>
        <translation>排版字符 {bad} 按 {good} 读取</translation>
    </message>
    <message>
        <source>reading the code took more than {seconds:g} s: it is not read</source>
        <translation>读取代码超过 {seconds:g} 秒：不读取</translation>
    </message>
    <message>
        <source>the code has {count:,} characters, more than the {source_chars:,} the explorer reads: it is not read</source>
        <translation>代码有 {count:,} 个字符，超过本应用读取的上限 {source_chars:,}：不读取</translation>
    </message>
    <message>
        <source>more than {models:,} models: the explorer reads at most {models:,}; the ones from line {at} on are not read</source>
        <translation>超过 {models:,} 个模型：本应用最多读取 {models:,} 个；从第 {at} 行起的模型不再读取</translation>
    </message>
    <message>
        <source>the file is larger than {limit:,} bytes, more than the explorer reads: it is not read</source>
        <translation>文件大于 {limit:,} 字节，超出本应用的读取上限：不读取</translation>
    </message>
    <message>
        <source>more than {diagnostics:,} remarks: the ones from line {at} on are not listed</source>
        <translation>提示超过 {diagnostics:,} 条：从第 {at} 行起的提示不再列出</translation>
    </message>
    <message>
        <source>model.add() got a tensor, not a layer; skipped</source>
        <translation>model.add() 收到的是张量而不是层；已跳过</translation>
    </message>
    <message>
        <source>Sequential(...) got something other than a list of layers; skipped</source>
        <translation>Sequential(...) 收到的不是层的列表；已跳过</translation>
    </message>
    <message>
        <source>Python writes `{capitalize}`, not `{id}`: read as {capitalize}</source>
        <translation>Python 写作 `{capitalize}` 而不是 `{id}`：按 {capitalize} 读取</translation>
    </message>
    <message>
        <source>{cls}: the shape part `{text}` is not a literal ({reason}); pass --input-shape</source>
        <translation>{cls}：形状中的 `{text}` 不是字面量（{reason}）；请传入 --input-shape</translation>
    </message>
    <message>
        <source>unknown layer `{full}` (did you mean {guess}?): kept as an unknown layer; the shapes after it are unknown</source>
        <translation>未知层 `{full}`（是不是想写 {guess}？）：保留为未知层；其后的形状未知</translation>
    </message>
    <message>
        <source>unknown layer `{full}`: kept as an unknown layer; the shapes after it are unknown</source>
        <translation>未知层 `{full}`：保留为未知层；其后的形状未知</translation>
    </message>
    <message>
        <source>Keras 1 argument `{key}` has no Keras 3 counterpart; ignored</source>
        <translation>Keras 1 的参数 `{key}` 在 Keras 3 中没有对应参数；已忽略</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}` (did you mean `{guess}`?); ignored. Keras 3 raises: Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</source>
        <translation>{cls} 收到未知参数 `{key}`（是不是想写 `{guess}`？）；已忽略。Keras 3 会报错：Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}`; ignored. Keras 3 raises: Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</source>
        <translation>{cls} 收到未知参数 `{key}`；已忽略。Keras 3 会报错：Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</translation>
    </message>
    <message>
        <source>{cls}: {key}=`{text}` is not read ({reason}); it does not change shapes or parameter counts</source>
        <translation>{cls}：不读取 {key}=`{text}`（{reason}）；它不改变形状和参数量</translation>
    </message>
    <message>
        <source>Embedding: input_dim=`{text}` is not a literal ({reason}): its parameter count is unknown; the shapes are not affected</source>
        <translation>Embedding：input_dim=`{text}` 不是字面量（{reason}）：它的参数量未知；形状不受影响</translation>
    </message>
    <message>
        <source>{cls}: activation=`{text}` is not read ({reason}); computed as linear</source>
        <translation>{cls}：不读取 activation=`{text}`（{reason}）；按 linear 计算</translation>
    </message>
    <message>
        <source>activation={items} read as activation=&apos;{attr}&apos;</source>
        <translation>activation={items} 按 activation=&apos;{attr}&apos; 读取</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}` (did you mean `{guess}`?); ignored</source>
        <translation>{cls} 收到未知参数 `{key}`（是不是想写 `{guess}`？）；已忽略</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}`; ignored</source>
        <translation>{cls} 收到未知参数 `{key}`；已忽略</translation>
    </message>
    <message>
        <source>not Python ({msg}): the line is skipped: {items}</source>
        <translation>不是 Python（{msg}）：跳过这一行：{items}</translation>
    </message>
    <message>
        <source>cannot read the code: {exc}</source>
        <translation>无法读取代码：{exc}</translation>
    </message>
    <message>
        <source>the code is nested too deeply for Python&apos;s parser (brackets, operators or signs inside each other): it is not read</source>
        <translation>代码嵌套太深，Python 的解析器无法处理（括号、运算符或符号层层相套）：不读取</translation>
    </message>
    <message>
        <source>`{text}` is not defined in the snippet: kept as an unknown layer; the shapes after it are unknown</source>
        <translation>代码片段中没有定义 `{text}`：保留为未知层；其后的形状未知</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{arg}`; ignored</source>
        <translation>{cls} 收到未知参数 `{arg}`；已忽略</translation>
    </message>
    <message>
        <source>`{text}` is not defined in the snippet; skipped: the input shape (--input-shape) then describes what it outputs</source>
        <translation>代码片段中没有定义 `{text}`；已跳过：此时输入形状（--input-shape）表示的是它的输出</translation>
    </message>
    <message>
        <source>`{text}` is not a Keras layer the explorer can read: kept as an unknown layer; the shapes after it are unknown</source>
        <translation>`{text}` 不是本应用能读取的 Keras 层：保留为未知层；其后的形状未知</translation>
    </message>
    <message>
        <source>the else branch of the `if` at line {lineno} was not read (conditions are not evaluated)</source>
        <translation>第 {lineno} 行 `if` 的 else 分支未读取（不对条件求值）</translation>
    </message>
    <message>
        <source>the code gives no input shape: pass --input-shape STEPS,CHANNELS, or start the model with keras.Input(shape=(steps, channels))</source>
        <translation>代码没有给出输入形状：请传入 --input-shape STEPS,CHANNELS，或用 keras.Input(shape=(steps, channels)) 开始模型</translation>
    </message>
    <message>
        <source>the input shape {show_shape} is not all literal ({reasons}): pass --input-shape STEPS,CHANNELS</source>
        <translation>输入形状 {show_shape} 不全是字面量（{reasons}）：请传入 --input-shape STEPS,CHANNELS</translation>
    </message>
    <message>
        <source>the model starts with an Embedding, which takes token ids (batch, steps): using steps={shape} from the input shape; the channels come from output_dim={output_dim}, not {shape2}</source>
        <translation>模型以 Embedding 开始，它接收词 id (batch, steps)：采用输入形状中的 steps={shape}；通道数来自 output_dim={output_dim}，而不是 {shape2}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Conv1D needs 3 axes: (batch, steps, channels). A single sequence of {steps} values is one sample with one channel: {fix}.</source>
        <translation>Conv1D 需要 3 个轴：(批量, 步数, 通道)。一条有 {steps} 个值的序列就是一个样本、一个通道：{fix}。</translation>
    </message>
    <message>
        <source>{name}={value} is outside the app&apos;s range 1..{limit}: choose a value in that range.</source>
        <translation>{name}={value} 超出本应用的范围 1..{limit}：请在此范围内取值。</translation>
    </message>
    <message>
        <source>This is over the app&apos;s size limits: choose fewer filters or a smaller input.</source>
        <translation>超出了本应用的规模上限：请减少过滤器或缩小输入。</translation>
    </message>
    <message>
        <source>Keras cannot skip steps and spread the kernel at the same time: set strides=1 or dilation_rate=1.</source>
        <translation>Keras 不能同时跳步（步长）和撑开卷积核（膨胀率）：请设 strides=1 或 dilation_rate=1。</translation>
    </message>
    <message>
        <source>Each group gets filters/groups kernels: choose filters as a multiple of {groups} or change groups.</source>
        <translation>每组分到 filters/groups 个卷积核：请把 filters 设为 {groups} 的倍数，或修改 groups。</translation>
    </message>
    <message>
        <source>Each group sees channels/groups input channels: use a groups value that divides {channels}, or change the channels.</source>
        <translation>每组看到 channels/groups 个输入通道：请让 groups 能整除 {channels}，或修改通道数。</translation>
    </message>
    <message>
        <source>groups=1 is an ordinary convolution; use a whole number of 1 or more.</source>
        <translation>groups=1 就是普通卷积；请用 1 或更大的整数。</translation>
    </message>
    <message>
        <source>{name} must be at least 1.</source>
        <translation>{name} 至少为 1。</translation>
    </message>
    <message>
        <source>{name} must be a whole number such as 1, 2 or 3.</source>
        <translation>{name} 必须是整数，例如 1、2 或 3。</translation>
    </message>
    <message>
        <source>A 1-D layer takes a single number for {name}, e.g. {name}=3.</source>
        <translation>一维层的 {name} 只取一个数，例如 {name}=3。</translation>
    </message>
    <message>
        <source>With padding=&apos;valid&apos; the input needs at least {keff} steps (the dilated kernel spans {keff}), but it has {steps}: lengthen the input, shrink kernel_size or dilation_rate, or use padding=&apos;same&apos;.</source>
        <translation>使用 padding=&apos;valid&apos; 时，输入至少需要 {keff} 步（膨胀后的卷积核跨 {keff} 步），但只有 {steps} 步：请加长输入、减小 kernel_size 或 dilation_rate，或改用 padding=&apos;same&apos;。</translation>
    </message>
    <message>
        <source>With padding=&apos;valid&apos; this layer needs at least {keff} input steps (its dilated kernel spans {keff}) but receives {steps}: use padding=&apos;same&apos;, a smaller kernel_size, strides or pool_size earlier, or a longer input.</source>
        <translation>使用 padding=&apos;valid&apos; 时，这一层至少需要 {keff} 个输入步（膨胀后的卷积核跨 {keff} 步），但只收到 {steps} 步：请改用 padding=&apos;same&apos;、减小 kernel_size、减小前面各层的 strides 或 pool_size，或加长输入。</translation>
    </message>
    <message>
        <source>This layer needs 3 axes, (batch, steps, channels), but it receives a 2-D {shape}. If it comes from the input, give a channel axis (input shape ({steps}, 1), data x.reshape(n, {steps}, 1)); if it comes from Flatten, GlobalMaxPooling1D, Dense or an RNN without return_sequences=True, the steps axis is already gone: move this layer before it.</source>
        <translation>这一层需要 3 个轴 (批量, 步数, 通道)，但收到的是二维的 {shape}。如果它来自输入，请加上通道轴（输入形状 ({steps}, 1)，数据 x.reshape(n, {steps}, 1)）；如果它来自 Flatten、GlobalMaxPooling1D、Dense 或没有 return_sequences=True 的 RNN，步数轴已经不存在了：请把这一层移到它前面。</translation>
    </message>
    <message>
        <source>This layer needs 3 axes: (batch, steps, channels).</source>
        <translation>这一层需要 3 个轴：(批量, 步数, 通道)。</translation>
    </message>
    <message>
        <source>A 1-D layer takes (batch, steps, channels); this input has an extra axis.</source>
        <translation>一维层接受 (批量, 步数, 通道)；这个输入多了一个轴。</translation>
    </message>
    <message>
        <source>The input has {found} axes (the batch included).</source>
        <translation>输入有 {found} 个轴（包括批量轴）。</translation>
    </message>
    <message>
        <source>Its output shape and parameters are unknown, and so are those of the layers after it.</source>
        <translation>它的输出形状和参数量都是未知的，它后面各层的也一样。</translation>
    </message>
    <message>
        <source>Write {key} as a number or string, or define it earlier in the snippet (e.g. {key} = ...).</source>
        <translation>请把 {key} 写成数字或字符串，或在代码片段的前面定义它（例如 {key} = ...）。</translation>
    </message>
    <message>
        <source>Conv1D needs 3 axes: (batch, steps, channels). Your array {shape} has no channel axis; if it is (batch, steps) = ({batch}, {steps}) with one value per step, add the axis: {fix}. Keras 2 said: “expected conv1d_1_input to have 3 dimensions, but got array with shape {shape}”. A Keras 3 model built with Input(({steps}, 1)) adds the axis silently; calling the layer directly does not.</source>
        <translation>Conv1D 需要 3 个轴：(批量, 步数, 通道)。你的数组 {shape} 没有通道轴；如果它是 (批量, 步数) = ({batch}, {steps})、每步一个值，就加上这个轴：{fix}。Keras 2 的报错是：“expected conv1d_1_input to have 3 dimensions, but got array with shape {shape}”。在 Keras 3 中，用 Input(({steps}, 1)) 构建的模型会悄悄加上这个轴；直接调用层则不会。</translation>
    </message>
    <message>
        <source>Write {key} as a number or string.</source>
        <translation>请把 {key} 写成数字或字符串。</translation>
    </message>
    <message>
        <source>Give {names}, e.g. {example}.</source>
        <translation>请给出 {names}，例如 {example}。</translation>
    </message>
    <message>
        <source>filters is how many different kernels slide over the input (the number of output channels, the rows of the diagram): use 1 or more.</source>
        <translation>filters 是在输入上滑动的不同卷积核（过滤器）的个数，也就是输出的通道数（图示中的行数）：请设为 1 或更大。</translation>
    </message>
    <message>
        <source>Conv1D takes (batch, steps, channels); a 4-D array needs Conv2D, or drop the extra axis with reshape.</source>
        <translation>Conv1D 接受 (批量, 步数, 通道)；四维数组需要 Conv2D，或用 reshape 去掉多余的轴。</translation>
    </message>
    <message>
        <source>Conv1DTranspose needs (batch, steps, channels).</source>
        <translation>Conv1DTranspose 需要 (批量, 步数, 通道)。</translation>
    </message>
    <message>
        <source>Use &apos;channels_last&apos; for (batch, steps, channels) or &apos;channels_first&apos; for (batch, channels, steps).</source>
        <translation>(批量, 步数, 通道) 请用 &apos;channels_last&apos;，(批量, 通道, 步数) 请用 &apos;channels_first&apos;。</translation>
    </message>
    <message>
        <source>Use one of: {names} (or None for no activation).</source>
        <translation>请使用以下之一：{names}（或用 None 表示不使用激活函数）。</translation>
    </message>
    <message>
        <source>Choose one of {names}.</source>
        <translation>请从 {names} 中选择一个。</translation>
    </message>
    <message>
        <source>&apos;full&apos; was a Keras 1 border_mode; Keras 3 has no such padding. Emulate it with ZeroPadding1D(k_eff - 1) followed by padding=&apos;valid&apos;.</source>
        <translation>&apos;full&apos; 是 Keras 1 的 border_mode；Keras 3 没有这种填充。可用 ZeroPadding1D(k_eff - 1) 再接 padding=&apos;valid&apos; 来模拟。</translation>
    </message>
    <message>
        <source>&apos;causal&apos; exists only for Conv1D; pooling layers accept &apos;valid&apos; or &apos;same&apos;.</source>
        <translation>&apos;causal&apos; 只用于 Conv1D；池化层只接受 &apos;valid&apos; 或 &apos;same&apos;。</translation>
    </message>
    <message>
        <source>Keras 3 takes padding as a word, not a list of numbers: use &apos;valid&apos;, &apos;same&apos; or &apos;causal&apos;, or add a ZeroPadding1D layer for explicit amounts.</source>
        <translation>Keras 3 的 padding 是一个词，不是数字列表：请用 &apos;valid&apos;、&apos;same&apos; 或 &apos;causal&apos;；要指定补零个数，请加一个 ZeroPadding1D 层。</translation>
    </message>
    <message>
        <source>Keras stores a Conv1D kernel as (kernel_size, input channels / groups, filters); a PyTorch weight (filters, channels / groups, kernel_size) converts with weight.transpose(2, 1, 0).</source>
        <translation>Keras 把 Conv1D 卷积核存为 (kernel_size, 输入通道数 / groups, filters)；PyTorch 的权重 (filters, 通道数 / groups, kernel_size) 用 weight.transpose(2, 1, 0) 转换。</translation>
    </message>
    <message>
        <source>There is one bias per filter.</source>
        <translation>每个过滤器有一个偏置。</translation>
    </message>
    <message>
        <source>A Keras 1 weight of shape (k, 1, C, F) converts with W[:, 0].</source>
        <translation>形状为 (k, 1, C, F) 的 Keras 1 权重用 W[:, 0] 转换。</translation>
    </message>
    <message>
        <source>Convolution here works on real values only.</source>
        <translation>这里的卷积只支持实数。</translation>
    </message>
    <message>
        <source>Give {name} as numbers (a NumPy array or nested lists of numbers).</source>
        <translation>请以数字形式给出 {name}（NumPy 数组或嵌套的数字列表）。</translation>
    </message>
    <message>
        <source>Remove the arguments Conv1D does not know: {names}.</source>
        <translation>请删除 Conv1D 不认识的参数：{names}。</translation>
    </message>
    <message>
        <source>output_padding adds at most strides - 1 steps at the end: lower it.</source>
        <translation>output_padding 最多在末尾加 strides - 1 步：请调小。</translation>
    </message>
    <message>
        <source>The matrix is built for one input length and channel count: rebuild it for this array.</source>
        <translation>矩阵是按一种输入长度和通道数构建的：请为这个数组重新构建矩阵。</translation>
    </message>
    <message>
        <source>nb_filter and filter_length are Keras 1 names: write filters=... and kernel_size=... .</source>
        <translation>nb_filter 和 filter_length 是 Keras 1 的名称：请写成 filters=... 和 kernel_size=... 。</translation>
    </message>
    <message>
        <source>Keras 1 border_mode was &apos;valid&apos;, &apos;same&apos; or (Convolution1D only) &apos;full&apos;.</source>
        <translation>Keras 1 的 border_mode 可以是 &apos;valid&apos;、&apos;same&apos; 或（仅 Convolution1D）&apos;full&apos;。</translation>
    </message>
    <message>
        <source>{legacy} is the Keras 1 name of {modern}: give only one of them.</source>
        <translation>{legacy} 是 {modern} 在 Keras 1 中的名称：只能给其中一个。</translation>
    </message>
    <message>
        <source>Give {argument}=... (a Keras 1 argument this layer needs).</source>
        <translation>请给出 {argument}=...（这一层需要的 Keras 1 参数）。</translation>
    </message>
    <message>
        <source>Supported Keras 1 layers: {names}.</source>
        <translation>支持的 Keras 1 层：{names}。</translation>
    </message>
    <message>
        <source>Keras 1 ran Convolution1D as a Conv2D over (steps, 1): the kernel is (filter_length, 1, input_dim, nb_filter). A Keras 1.1 &apos;th&apos; kernel (nb_filter, input_dim, filter_length, 1) converts first with np.transpose(W, (2, 3, 1, 0)).</source>
        <translation>Keras 1 把 Convolution1D 当作在 (steps, 1) 上的 Conv2D 来运行：卷积核是 (filter_length, 1, input_dim, nb_filter)。Keras 1.1 的 &apos;th&apos; 卷积核 (nb_filter, input_dim, filter_length, 1) 要先用 np.transpose(W, (2, 3, 1, 0)) 转换。</translation>
    </message>
    <message>
        <source>Supported layers: {names}.</source>
        <translation>支持的层：{names}。</translation>
    </message>
    <message>
        <source>{name} is a whole number of steps: use 1 or more.</source>
        <translation>{name} 是整数步数：请用 1 或更大。</translation>
    </message>
    <message>
        <source>A kernel needs kernel_size, channels // groups and filters of at least 1 (3 axes).</source>
        <translation>卷积核需要 3 个轴：kernel_size、channels // groups 和 filters 都至少为 1。</translation>
    </message>
    <message>
        <source>A difference compares two steps: set kernel_size to 2 or more.</source>
        <translation>差分比较两步：请把 kernel_size 设为 2 或更大。</translation>
    </message>
    <message>
        <source>Use a whole number such as 0 or 42 as the seed.</source>
        <translation>请用整数作为种子，例如 0 或 42。</translation>
    </message>
    <message>
        <source>Set {name} to a number between {low} and {high}.</source>
        <translation>请把 {name} 设为 {low} 到 {high} 之间的数。</translation>
    </message>
    <message>
        <source>AveragePooling1D has no default window in Keras 3: give pool_size, e.g. pool_size=2.</source>
        <translation>Keras 3 的 AveragePooling1D 没有默认窗口：请给出 pool_size，例如 pool_size=2。</translation>
    </message>
    <message>
        <source>Pooling needs 3 axes: (batch, steps, channels).</source>
        <translation>池化需要 3 个轴：(批量, 步数, 通道)。</translation>
    </message>
    <message>
        <source>Add the channel axis with {fix}.</source>
        <translation>用 {fix} 加上通道轴。</translation>
    </message>
    <message>
        <source>Leave dilation_rate at 1 for a pooling layer.</source>
        <translation>池化层的 dilation_rate 请保持为 1。</translation>
    </message>
    <message>
        <source>&apos;causal&apos; exists only for Conv1D; pooling takes &apos;valid&apos; or &apos;same&apos;.</source>
        <translation>&apos;causal&apos; 只用于 Conv1D；池化只接受 &apos;valid&apos; 或 &apos;same&apos;。</translation>
    </message>
    <message>
        <source>Use &apos;max&apos; or &apos;average&apos;.</source>
        <translation>请用 &apos;max&apos; 或 &apos;average&apos;。</translation>
    </message>
    <message>
        <source>strides is how far the pooling window moves each step: use 1 or more (or None for strides = pool_size).</source>
        <translation>strides 是池化窗口每次移动的距离（步长）：请用 1 或更大（或用 None 表示 strides = pool_size）。</translation>
    </message>
    <message>
        <source>Add at least one layer.</source>
        <translation>请至少添加一层。</translation>
    </message>
    <message>
        <source>Give the number of input steps, 1 or more.</source>
        <translation>请给出输入的步数，至少为 1。</translation>
    </message>
    <message>
        <source>Layer {layer} needs at least {keff} input steps: lengthen the input, use padding=&apos;same&apos;, or shrink the kernels or strides before it.</source>
        <translation>第 {layer} 层至少需要 {keff} 个输入步：请加长输入、改用 padding=&apos;same&apos;，或减小它前面各层的卷积核或步长。</translation>
    </message>
    <message>
        <source>Use &apos;conv&apos;, &apos;max_pool&apos; or &apos;average_pool&apos;.</source>
        <translation>请用 &apos;conv&apos;、&apos;max_pool&apos; 或 &apos;average_pool&apos;。</translation>
    </message>
    <message>
        <source>The last axis of this layer&apos;s input is unknown (None), so its weights have no size: give the steps in the input shape, or use GlobalMaxPooling1D instead of Flatten.</source>
        <translation>这一层输入的最后一个轴未知（None），所以它的权重没有确定的大小：请在输入形状中给出步数，或用 GlobalMaxPooling1D 代替 Flatten。</translation>
    </message>
    <message>
        <source>Give units as a whole number of 1 or more.</source>
        <translation>units 请给 1 或更大的整数。</translation>
    </message>
    <message>
        <source>Conv1D takes (batch, steps, channels). An Embedding on an input that already has channels adds a 4th axis: give the Embedding a 2-D input (batch, steps) of token ids.</source>
        <translation>Conv1D 接受 (批量, 步数, 通道)。在已有通道的输入上使用 Embedding 会多出第 4 个轴：请给 Embedding 一个由词 id 组成的二维输入 (批量, 步数)。</translation>
    </message>
    <message>
        <source>The pooling window ({pool_size}) is longer than its input ({steps} steps): use a smaller pool_size, padding=&apos;same&apos;, or fewer downsampling layers before it.</source>
        <translation>池化窗口（{pool_size}）比它的输入（{steps} 步）还长：请减小 pool_size、改用 padding=&apos;same&apos;，或减少它前面的下采样层。</translation>
    </message>
    <message>
        <source>input_dim is the vocabulary size and output_dim the length of each word vector: both are whole numbers of 1 or more.</source>
        <translation>input_dim 是词表大小，output_dim 是每个词向量的长度：两者都是 1 或更大的整数。</translation>
    </message>
    <message>
        <source>rate is the fraction of values dropped during training, e.g. 0.2.</source>
        <translation>rate 是训练时丢弃的数值所占的比例，例如 0.2。</translation>
    </message>
    <message>
        <source>ZeroPadding1D takes a number of zeros for both ends, or (left, right).</source>
        <translation>ZeroPadding1D 接受一个数（两端各补这么多个零），或 (left, right)。</translation>
    </message>
    <message>
        <source>axis is the feature axis to normalise, -1 (the channels) almost always.</source>
        <translation>axis 是要归一化的特征轴，几乎总是 -1（通道）。</translation>
    </message>
    <message>
        <source>Pass this layer&apos;s weights as weights[&apos;&lt;layer name&gt;&apos;] = (kernel, bias).</source>
        <translation>请以 weights[&apos;&lt;层名&gt;&apos;] = (kernel, bias) 传入这一层的权重。</translation>
    </message>
    <message>
        <source>Give whole numbers for steps and channels; only the batch may be None.</source>
        <translation>steps 和 channels 请给整数；只有批量可以是 None。</translation>
    </message>
    <message>
        <source>Use &apos;keras&apos;, &apos;torch&apos; or &apos;legacy&apos;.</source>
        <translation>请用 &apos;keras&apos;、&apos;torch&apos; 或 &apos;legacy&apos;。</translation>
    </message>
    <message>
        <source>{name} needs {expected_ndim} axes, but its shape is {shape}.</source>
        <translation>{name} 需要 {expected_ndim} 个轴，但它的形状是 {shape}。</translation>
    </message>
    <message>
        <source>Filters are numbered 0 to {last}.</source>
        <translation>过滤器的编号是 0 到 {last}。</translation>
    </message>
    <message>
        <source>This value has the wrong type: use the control&apos;s choices.</source>
        <translation>这个值的类型不对：请使用控件提供的选项。</translation>
    </message>
    <message>
        <source>b: sample  t: output step  f: filter  j: kernel position  c: channel</source>
        <translation>b：样本序号&#x3000;t：输出步&#x3000;f：过滤器&#x3000;j：卷积核位置&#x3000;c：通道</translation>
    </message>
    <message>
        <source>showing the last valid setting</source>
        <translation>显示的是上一个有效设置</translation>
    </message>
    <message>
        <source>showing the last valid setting: {settings}</source>
        <translation>显示的是上一个有效设置：{settings}</translation>
    </message>
</context>
<context>
    <name>stack</name>
    <message>
        <source>activation &apos;{act}&apos; is not computed by the explorer (shapes and parameters are unaffected)</source>
        <translation>本应用不计算激活函数 &apos;{act}&apos;（形状和参数不受影响）</translation>
    </message>
    <message>
        <source>Embedding on a 3-D input adds a 4th axis: an Embedding expects token ids (batch, steps)</source>
        <translation>三维输入上的 Embedding 会增加第 4 个轴：Embedding 接收的是词 id (batch, steps)</translation>
    </message>
    <message>
        <source>Dense on a {ndim}-D input acts on the last axis only, step by step: output {shape}. Put Flatten or GlobalMaxPooling1D before it for one output per sample</source>
        <translation>{ndim} 维输入上的 Dense 只作用于最后一个轴，逐步计算：输出 {shape}。要每个样本一个输出，请在它前面加 Flatten 或 GlobalMaxPooling1D</translation>
    </message>
    <message>
        <source>Flatten of an input with None steps has an unknown size: a Dense layer after it cannot be built (use GlobalMaxPooling1D, or give the steps)</source>
        <translation>步数为 None 的输入经 Flatten 后大小未知：其后的 Dense 层无法构建（请用 GlobalMaxPooling1D，或给出步数）</translation>
    </message>
    <message>
        <source>the branches merged here see different input spans ({parts}): the receptive field is their union</source>
        <translation>在此合并的各分支看到的输入范围不同（{parts}）：感受野取它们的并集</translation>
    </message>
</context>
<context>
    <name>stack_view</name>
    <message>
        <source>Embedding → Dropout → Conv1D on 50 words × 300 dims</source>
        <translation>Embedding → Dropout → Conv1D，50 个词 × 300 维</translation>
    </message>
    <message>
        <source>IMDB: Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense</source>
        <translation>IMDB：Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense</translation>
    </message>
    <message>
        <source>Conv1D → MaxPooling1D → Conv1D → GRU on (None, 14)</source>
        <translation>Conv1D → MaxPooling1D → Conv1D → GRU，输入 (None, 14)</translation>
    </message>
    <message>
        <source>WaveNet: causal Conv1D, dilation 1, 2, 4, 8 (receptive field 16)</source>
        <translation>WaveNet：因果 Conv1D，膨胀率 1、2、4、8（感受野 16）</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>Layer stack: {layers}, input {shape}</source>
        <translation>层堆叠：{layers}，输入 {shape}</translation>
    </message>
    <message>
        <source>Receptive field of output step {t} of {layer}, back to the input</source>
        <translation>{layer} 输出步 {t} 的感受野，一直追溯到输入</translation>
    </message>
</context>
</TS>
