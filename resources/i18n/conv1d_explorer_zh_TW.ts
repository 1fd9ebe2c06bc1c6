<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Classroom</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <source>Colours of the diagram and panels; every theme uses a colour-blind-safe map (ColorBrewer RdBu or PuOr).</source>
        <translation>圖示和面板的配色；每個主題都使用色盲友善的色圖（ColorBrewer RdBu 或 PuOr）。</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on white; blue-white-red colour map (RdBu).</source>
        <translation>白底深色文字；藍-白-紅色圖（RdBu）。</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark grey; blue-white-red colour map (RdBu).</source>
        <translation>深灰底淺色文字；藍-白-紅色圖（RdBu）。</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高對比(&amp;H)</translation>
    </message>
    <message>
        <source>White on black, big text, thick lines; purple-white-orange map (PuOr).</source>
        <translation>黑底白字、大字級、粗線條；紫-白-橙色圖（PuOr）。</translation>
    </message>
    <message>
        <source>Next theme</source>
        <translation>下一個主題</translation>
    </message>
    <message>
        <source>Cycle light → dark → high contrast (F7).</source>
        <translation>依序切換：淺色 → 深色 → 高對比（F7）。</translation>
    </message>
    <message>
        <source>&amp;Classroom mode</source>
        <translation>課堂模式(&amp;C)</translation>
    </message>
    <message>
        <source>Full screen, high contrast, large text, keyboard control and predict-then-reveal (F11 enters and leaves).</source>
        <translation>全螢幕、高對比、大字級、鍵盤操作，以及「先預測，再揭曉」（F11 進入和離開）。</translation>
    </message>
    <message>
        <source>Space play/pause · ←/→ step · Home/End · +/− speed · F8 predict · Enter reveal · F9 panels · F7 theme · F11 leave</source>
        <translation>空白鍵 播放/暫停 · ←/→ 單步 · Home/End · +/− 速度 · F8 預測 · Enter 揭曉 · F9 面板 · F7 主題 · F11 離開</translation>
    </message>
    <message>
        <source>Hide side &amp;panels</source>
        <translation>隱藏側邊面板(&amp;P)</translation>
    </message>
    <message>
        <source>Hide the side panels so the diagram fills the screen (F9).</source>
        <translation>隱藏側邊面板，讓圖示佔滿螢幕（F9）。</translation>
    </message>
    <message>
        <source>&amp;Predict, then reveal</source>
        <translation>先預測，再揭曉(&amp;P)</translation>
    </message>
    <message>
        <source>Hide each new output value (and the output length after a change) until Enter reveals it (F8).</source>
        <translation>遮住每個新的輸出值（以及修改參數後的輸出長度），直到按 Enter 揭曉（F8）。</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>揭曉(&amp;R)</translation>
    </message>
    <message>
        <source>Show the hidden value (Enter).</source>
        <translation>顯示被遮住的值（Enter）。</translation>
    </message>
    <message>
        <source>Input without channel axis (Keras 2 error demo)</source>
        <translation>沒有通道軸的輸入（示範 Keras 2 的錯誤訊息）</translation>
    </message>
    <message>
        <source>Feed a (1, 56) array with no channel axis and see what Keras says, why, and the fix.</source>
        <translation>輸入一個沒有通道軸的 (1, 56) 陣列，看看 Keras 回報什麼錯誤、為什麼、怎麼修正。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Show the &amp;tour</source>
        <translation>顯示導覽(&amp;T)</translation>
    </message>
    <message>
        <source>A short walk through the window (Esc skips).</source>
        <translation>簡短介紹視窗的各個部分（Esc 略過）。</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>Every key the app understands.</source>
        <translation>本應用程式支援的所有按鍵。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <source>This picture as a script you can run.</source>
        <translation>把這張圖變成一個可以執行的腳本。</translation>
    </message>
    <message>
        <source>A runnable script that rebuilds this layer with its exact weights, runs the input and checks the result against the picture (prints OK).</source>
        <translation>一個可執行的腳本：用完全相同的權重重建這一層，執行輸入，並與圖中的結果核對（一致時印出 OK）。</translation>
    </message>
    <message>
        <source>Choose the framework: Keras 3, PyTorch or plain NumPy.</source>
        <translation>選擇框架：Keras 3、PyTorch 或純 NumPy。</translation>
    </message>
    <message>
        <source>The script for {framework}</source>
        <translation>{framework} 腳本</translation>
    </message>
    <message>
        <source>Read-only; select text or use Copy.</source>
        <translation>唯讀；可選取文字或使用「複製」。</translation>
    </message>
    <message>
        <source>Copy {framework} code</source>
        <translation>複製 {framework} 程式碼</translation>
    </message>
    <message>
        <source>Copy the whole {framework} script to the clipboard.</source>
        <translation>把完整的 {framework} 腳本複製到剪貼簿。</translation>
    </message>
    <message>
        <source>No code for this setting.</source>
        <translation>這個設定無法產生程式碼。</translation>
    </message>
    <message>
        <source>Keras would stop here:</source>
        <translation>Keras 會在這裡報錯：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>修正方法：</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>已複製 ✓</translation>
    </message>
</context>
<context>
    <name>Codegen</name>
    <message>
        <source>A runnable $fw script generated by Conv1D Explorer $version (edit freely).</source>
        <translation>由 Conv1D Explorer $version 產生的可執行 $fw 腳本（可自由修改）。</translation>
    </message>
    <message>
        <source>Session: $name</source>
        <translation>工作階段：$name</translation>
    </message>
    <message>
        <source>It reproduces this Keras 3 layer:</source>
        <translation>它重現這個 Keras 3 層：</translation>
    </message>
    <message>
        <source>Input shape:  $shape  $layout</source>
        <translation>輸入形狀：$shape  $layout</translation>
    </message>
    <message>
        <source>Output shape: $shape  $layout</source>
        <translation>輸出形狀：$shape  $layout</translation>
    </message>
    <message>
        <source>It computes the output with $fw, prints it, and compares it with the output
Conv1D Explorer computed (embedded below as `expected`): it prints OK when
they match, and MISMATCH plus exit status 1 when they do not.</source>
        <translation>腳本用 $fw 計算輸出並印出，再與 Conv1D Explorer 算出的輸出（下方嵌入的
`expected`）比較：一致時印出 OK，不一致時印出 MISMATCH 並以狀態碼 1 結束。</translation>
    </message>
    <message>
        <source>Needs: $needs</source>
        <translation>需要套件：$needs</translation>
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
        <translation>numpy、keras&gt;=3 以及一個後端（tensorflow、jax 或 torch）</translation>
    </message>
    <message>
        <source>Run:   python this_script.py</source>
        <translation>執行：python 本腳本.py</translation>
    </message>
    <message>
        <source>Run:   KERAS_BACKEND=torch python this_script.py   (or jax, tensorflow)</source>
        <translation>執行：KERAS_BACKEND=torch python 本腳本.py   （也可用 jax、tensorflow）</translation>
    </message>
    <message>
        <source>(batch, steps, channels)</source>
        <translation>(批次, 步數, 通道)</translation>
    </message>
    <message>
        <source>(batch, channels, steps)</source>
        <translation>(批次, 通道, 步數)</translation>
    </message>
    <message>
        <source>(batch, steps, filters)</source>
        <translation>(批次, 步數, 過濾器)</translation>
    </message>
    <message>
        <source>(batch, filters, steps)</source>
        <translation>(批次, 過濾器, 步數)</translation>
    </message>
    <message>
        <source>The layer&apos;s settings, with Keras&apos;s argument names
(use_bias and activation: see `bias` and activation() below).</source>
        <translation>層的設定，沿用 Keras 的參數名稱
（use_bias 與 activation：見下方的 `bias` 和 activation()）。</translation>
    </message>
    <message>
        <source>Input x as the app stores it: (batch, steps, channels) = $shape.</source>
        <translation>輸入 x，按應用程式的儲存方式：(批次, 步數, 通道) = $shape。</translation>
    </message>
    <message>
        <source>One block per sample: a row per step, a column per channel.</source>
        <translation>每個樣本一塊：每一步一排，每個通道一欄。</translation>
    </message>
    <message>
        <source>Kernel in Keras layout: (kernel_size, channels // groups, filters) = $shape.</source>
        <translation>卷積核，Keras 佈局：(kernel_size, channels // groups, filters) = $shape。</translation>
    </message>
    <message>
        <source>One block per tap: a row per input channel, a column per filter.</source>
        <translation>每個卷積核位置一塊：每個輸入通道一排，每個過濾器一欄。</translation>
    </message>
    <message>
        <source>Bias: one number per filter, shape $shape.</source>
        <translation>偏置：每個過濾器一個數，形狀 $shape。</translation>
    </message>
    <message>
        <source>use_bias=False: this layer has no bias.</source>
        <translation>use_bias=False：該層沒有偏置。</translation>
    </message>
    <message>
        <source>The output Conv1D Explorer computed (conv_core), $layout = $shape.
The self-check at the end compares the $fw result with it.</source>
        <translation>Conv1D Explorer（conv_core）算出的輸出，$layout = $shape。
最後的自我檢查會把 $fw 的結果與它比較。</translation>
    </message>
    <message>
        <source>One block per sample: a row per output step, a column per filter.</source>
        <translation>每個樣本一塊：每個輸出步一排，每個過濾器一欄。</translation>
    </message>
    <message>
        <source>One block per sample: a row per filter, a column per output step.</source>
        <translation>每個樣本一塊：每個過濾器一排，每個輸出步一欄。</translation>
    </message>
    <message>
        <source>$n numbers written flat in C order (last axis fastest), then reshaped to $shape.</source>
        <translation>共 $n 個數，按 C 順序（最後一維變化最快）平鋪寫出，再 reshape 成 $shape。</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>tap</source>
        <translation>卷積核位置</translation>
    </message>
    <message>
        <source>Keras&apos;s padding rule: (zeros before, zeros after, output steps).</source>
        <translation>Keras 的填充規則：回傳 (前面補零數, 後面補零數, 輸出步數)。</translation>
    </message>
    <message>
        <source>keff: the span of the dilated kernel</source>
        <translation>keff：膨脹後卷積核涵蓋的跨度</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: no zeros; every window must fit inside the input</source>
        <translation>&apos;valid&apos;：不補零；每個視窗都必須完整落在輸入內</translation>
    </message>
    <message>
        <source>&apos;same&apos; and &apos;causal&apos; give ceil(steps / strides) output steps</source>
        <translation>&apos;same&apos; 和 &apos;causal&apos; 都輸出 ceil(steps / strides) 步</translation>
    </message>
    <message>
        <source>&apos;causal&apos;: all keff - 1 zeros go before, so output t sees only x[&lt;= t*strides]</source>
        <translation>&apos;causal&apos;：keff - 1 個零全部補在前面，所以輸出 t 只看到 x[&lt;= t*strides]</translation>
    </message>
    <message>
        <source>&apos;same&apos;: total = max((out - 1)*strides + keff - steps, 0), left = total // 2;
an odd total puts the extra zero AFTER the steps (TensorFlow&apos;s rule)</source>
        <translation>&apos;same&apos;：補零總數 total = max((out - 1)*strides + keff - steps, 0)，左邊 = total // 2；
total 為奇數時，多出的那個零補在末尾（TensorFlow 的規則）</translation>
    </message>
    <message>
        <source>Activation &apos;$name&apos;, as Keras 3 computes it: $formula</source>
        <translation>激活函數 &apos;$name&apos;，與 Keras 3 的計算相同：$formula</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>不改變</translation>
    </message>
    <message>
        <source>written as (1 + tanh(z/2)) / 2: the same value, and exp never overflows</source>
        <translation>寫成 (1 + tanh(z/2)) / 2：數值相同，且 exp 不會溢位</translation>
    </message>
    <message>
        <source>the exact erf form, not the tanh approximation</source>
        <translation>精確的 erf 形式，不是 tanh 近似</translation>
    </message>
    <message>
        <source>Keras 3&apos;s definition; Keras 2 used 0.2*z + 0.5</source>
        <translation>Keras 3 的定義；Keras 2 用的是 0.2*z + 0.5</translation>
    </message>
    <message>
        <source>math.erf works on one number; np.vectorize applies it to every element</source>
        <translation>math.erf 只處理一個數；np.vectorize 把它套用到每個元素上</translation>
    </message>
    <message>
        <source>Plain NumPy, step by step: pad, then add up one kernel tap at a time.</source>
        <translation>純 NumPy，一步一步來：先補零，再按卷積核位置逐個累加。</translation>
    </message>
    <message>
        <source>zeros before and after the steps only (never across channels or samples)</source>
        <translation>只在步數方向的前後補零（不在通道或樣本方向補）</translation>
    </message>
    <message>
        <source>group g: its filters see only its own slice of the input channels</source>
        <translation>第 g 組：該組的過濾器只看到屬於自己的那一段輸入通道</translation>
    </message>
    <message>
        <source>(kernel_size, channels_per_group, filters_per_group)</source>
        <translation>(kernel_size, 組內通道數, 組內過濾器數)</translation>
    </message>
    <message>
        <source>tap j reads the input j*dilation_rate steps after each window&apos;s start</source>
        <translation>卷積核位置 j 讀取每個視窗起點之後 j*dilation_rate 步的輸入</translation>
    </message>
    <message>
        <source>(batch, out_steps, channels_per_group): what tap j sees at every output step</source>
        <translation>(批次, 輸出步數, 組內通道數)：每個輸出步上卷積核位置 j 看到的值</translation>
    </message>
    <message>
        <source>times tap j&apos;s weights, summed over the channels</source>
        <translation>乘以卷積核位置 j 的權重，並對通道求和</translation>
    </message>
    <message>
        <source>Then the bias (one per filter), then the activation: Keras&apos;s order.</source>
        <translation>然後加偏置（每個過濾器一個），再做激活：與 Keras 的順序相同。</translation>
    </message>
    <message>
        <source>channels_first only changes the output layout: (batch, filters, steps)</source>
        <translation>channels_first 只改變輸出的佈局：(批次, 過濾器, 步數)</translation>
    </message>
    <message>
        <source>PyTorch is channels-first: input (batch, channels, steps). float64 tensors,
like the app, so the two agree to about 1e-15.</source>
        <translation>PyTorch 使用通道在前：輸入為 (批次, 通道, 步數)。
使用 float64 張量，與應用程式一致，兩者相差約 1e-15。</translation>
    </message>
    <message>
        <source>Keras kernel (k, C // groups, filters) -&gt; PyTorch weight (filters, C // groups, k)</source>
        <translation>Keras 卷積核 (k, C // groups, filters) -&gt; PyTorch 權重 (filters, C // groups, k)</translation>
    </message>
    <message>
        <source>PyTorch&apos;s own padding is equal on both sides (and its &apos;same&apos; needs strides=1),
so pad exactly as Keras does with F.pad, then convolve with padding=0.</source>
        <translation>PyTorch 內建的 padding 兩側相等（它的 &apos;same&apos; 還要求 strides=1），
所以用 F.pad 按 Keras 的方式補零，再以 padding=0 做卷積。</translation>
    </message>
    <message>
        <source>cross-correlation (no kernel flip), like Keras</source>
        <translation>互相關（不翻轉卷積核），與 Keras 相同</translation>
    </message>
    <message>
        <source>back to Keras&apos;s channels_last layout: (batch, steps, filters)</source>
        <translation>轉回 Keras 的 channels_last 佈局：(批次, 步數, 過濾器)</translation>
    </message>
    <message>
        <source>Any Keras 3 backend works; choose it with the KERAS_BACKEND environment variable.</source>
        <translation>任何 Keras 3 後端都可以；用環境變數 KERAS_BACKEND 選擇。</translation>
    </message>
    <message>
        <source>The layer, every argument written out.</source>
        <translation>該層，每個參數都寫明。</translation>
    </message>
    <message>
        <source>channels_last: Keras takes (batch, steps, channels), as the app stores x</source>
        <translation>channels_last：Keras 接收 (批次, 步數, 通道)，與應用程式儲存 x 的方式相同</translation>
    </message>
    <message>
        <source>channels_first: Keras takes (batch, channels, steps), so transpose x</source>
        <translation>channels_first：Keras 接收 (批次, 通道, 步數)，因此把 x 轉置</translation>
    </message>
    <message>
        <source>Build with the input shape, then replace the random initial weights with ours.</source>
        <translation>用輸入形狀建構該層，再用我們的權重取代隨機的初始權重。</translation>
    </message>
    <message>
        <source>Keras computes in float32 by default: expect differences around 1e-7 (relative);
the self-check allows 1e-5.</source>
        <translation>Keras 預設用 float32 計算：會有約 1e-7 的相對誤差；自我檢查允許 1e-5。</translation>
    </message>
    <message>
        <source>Run the layer.</source>
        <translation>執行該層。</translation>
    </message>
    <message>
        <source>Self-check: compare with the output Conv1D Explorer computed.
rtol = 1e-5 and atol = 1e-5 * max(1, max|expected|): loose enough for float32 frameworks.</source>
        <translation>自我檢查：與 Conv1D Explorer 算出的輸出比較。
rtol = 1e-5，atol = 1e-5 * max(1, max|expected|)：足以容納 float32 框架的誤差。</translation>
    </message>
    <message>
        <source>Input shape:</source>
        <translation>輸入形狀：</translation>
    </message>
    <message>
        <source>Padding (before, after):</source>
        <translation>填充 (前, 後)：</translation>
    </message>
    <message>
        <source>Output shape:</source>
        <translation>輸出形狀：</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>輸出：</translation>
    </message>
    <message>
        <source>OK: the $fw output matches Conv1D Explorer (max abs difference {diff:.3g}).</source>
        <translation>OK：$fw 的輸出與 Conv1D Explorer 一致（最大絕對差 {diff:.3g}）。</translation>
    </message>
    <message>
        <source>MISMATCH: the $fw output differs from Conv1D Explorer (max abs difference {diff:.3g}).</source>
        <translation>MISMATCH：$fw 的輸出與 Conv1D Explorer 不一致（最大絕對差 {diff:.3g}）。</translation>
    </message>
    <message>
        <source>MISMATCH: output shape {y.shape}, but Conv1D Explorer computed {expected.shape}.</source>
        <translation>MISMATCH：輸出形狀為 {y.shape}，但 Conv1D Explorer 算出的是 {expected.shape}。</translation>
    </message>
    <message>
        <source>The layer&apos;s settings, with Keras&apos;s argument names
(OUTPUT_PADDING = None lets Keras infer the length; use_bias and activation: see `bias`
and activation() below).</source>
        <translation>層的設定，沿用 Keras 的參數名稱
（OUTPUT_PADDING = None 表示由 Keras 推斷 output_padding 和輸出長度；use_bias 與 activation：
見下方的 `bias` 和 activation()）。</translation>
    </message>
    <message>
        <source>Kernel in Keras&apos;s Conv1DTranspose layout: (kernel_size, filters, channels) = $shape
(filters before channels, the other way round from Conv1D).</source>
        <translation>卷積核採用 Keras 的 Conv1DTranspose 佈局：(kernel_size, filters, channels) = $shape
（過濾器在通道之前，與 Conv1D 正好相反）。</translation>
    </message>
    <message>
        <source>One block per kernel position: a row per filter, a column per input channel.</source>
        <translation>每個卷積核位置一塊：每個過濾器一排，每個輸入通道一欄。</translation>
    </message>
    <message>
        <source>Keras&apos;s Conv1DTranspose rule: (steps cropped from the full scatter on the left, output steps).</source>
        <translation>Keras 的 Conv1DTranspose 規則：傳回 (完整散布結果左邊裁掉的步數, 輸出步數)。</translation>
    </message>
    <message>
        <source>&apos;valid&apos;: nothing cropped; output_padding=None gives (steps - 1)*strides + max(keff, strides)</source>
        <translation>&apos;valid&apos;：不裁掉任何步；output_padding=None 時輸出 (steps - 1)*strides + max(keff, strides) 步</translation>
    </message>
    <message>
        <source>&apos;same&apos;: output_padding=None gives steps*strides output steps; Keras pads the transposed
convolution with total = strides + keff - 2 zeros (keff + keff % 2 - 2 + output_padding
when output_padding is given), at most keff - 1 of them on the left</source>
        <translation>&apos;same&apos;：output_padding=None 時輸出 steps*strides 步；Keras 給轉置卷積補零，
總數 total = strides + keff - 2（給定 output_padding 時為 keff + keff % 2 - 2 + output_padding），
左邊最多 keff - 1 個</translation>
    </message>
    <message>
        <source>Plain NumPy, step by step: every input step i scatters x[:, i, :] · kernel[j]
to step i*strides + j*dilation_rate of the full output; overlapping copies add up.</source>
        <translation>純 NumPy，一步一步來：每個輸入步 i 把 x[:, i, :] · kernel[j]
散布到完整輸出的第 i*strides + j*dilation_rate 步；重疊的副本相加。</translation>
    </message>
    <message>
        <source>the full scatter, before Keras crops it: (steps - 1)*strides + keff steps</source>
        <translation>Keras 裁掉之前的完整散布結果：(steps - 1)*strides + keff 步</translation>
    </message>
    <message>
        <source>kernel position j of input step i lands on i*strides + j*dilation_rate</source>
        <translation>輸入步 i 的卷積核位置 j 落在第 i*strides + j*dilation_rate 步</translation>
    </message>
    <message>
        <source>(batch, steps, filters): every input step times kernel position j&apos;s weights</source>
        <translation>(batch, steps, filters)：每個輸入步乘以卷積核位置 j 的權重</translation>
    </message>
    <message>
        <source>Keras&apos;s window of the full scatter; steps past its end stay zero</source>
        <translation>Keras 從完整散布結果中取的視窗；超出其末尾的步保持為零</translation>
    </message>
    <message>
        <source>Keras kernel (k, filters, C) -&gt; PyTorch ConvTranspose1d weight (C, filters, k)</source>
        <translation>Keras 卷積核 (k, filters, C) -&gt; PyTorch ConvTranspose1d 權重 (C, filters, k)</translation>
    </message>
    <message>
        <source>nn.ConvTranspose1d crops `padding` steps from both ends and adds `output_padding` at the end:
padding=$padding, output_padding=$output_padding give exactly Keras&apos;s $out output steps.</source>
        <translation>nn.ConvTranspose1d 從兩端各裁掉 `padding` 步，並在末尾加上 `output_padding` 步：
padding=$padding、output_padding=$output_padding 正好得到 Keras 的 $out 個輸出步。</translation>
    </message>
    <message>
        <source>No nn.ConvTranspose1d setting gives this output: PyTorch crops `padding` steps from both ends,
Keras crops $left on the left and $right on the right (padding=&apos;same&apos; puts the odd step on the
right). So run PyTorch with padding=$padding and output_padding=0, then keep Keras&apos;s window
of $out steps, as Keras&apos;s own torch backend does.</source>
        <translation>nn.ConvTranspose1d 沒有任何設定能得到這個輸出：PyTorch 從兩端各裁掉 `padding` 步，
而 Keras 左邊裁掉 $left 步、右邊裁掉 $right 步（padding=&apos;same&apos; 把多出的一步放在右邊）。
所以用 padding=$padding、output_padding=0 執行 PyTorch，再保留 Keras 的 $out 步視窗，
與 Keras 自己的 torch 後端做法相同。</translation>
    </message>
    <message>
        <source>Keras&apos;s window: output steps $start .. $stop - 1 of PyTorch&apos;s result</source>
        <translation>Keras 的視窗：PyTorch 結果的輸出步 $start .. $stop - 1</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare two Conv1D settings</source>
        <translation>比較兩種 Conv1D 設定</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>比較：</translation>
    </message>
    <message>
        <source>padding &apos;valid&apos; vs &apos;same&apos;</source>
        <translation>padding：&apos;valid&apos; 對比 &apos;same&apos;</translation>
    </message>
    <message>
        <source>padding &apos;same&apos; vs &apos;causal&apos;</source>
        <translation>padding：&apos;same&apos; 對比 &apos;causal&apos;</translation>
    </message>
    <message>
        <source>padding &apos;valid&apos; vs &apos;causal&apos;</source>
        <translation>padding：&apos;valid&apos; 對比 &apos;causal&apos;</translation>
    </message>
    <message>
        <source>dilation_rate 1 vs 2</source>
        <translation>dilation_rate：1 對比 2</translation>
    </message>
    <message>
        <source>strides 1 vs 2</source>
        <translation>strides：1 對比 2</translation>
    </message>
    <message>
        <source>Same input for both: {steps} × {channels}, {filters}</source>
        <translation>兩邊使用同一個輸入：{steps} × {channels}，{filters}</translation>
    </message>
    <message>
        <source>zeros (left, right)</source>
        <translation>補零 (左, 右)</translation>
    </message>
    <message>
        <source>output steps</source>
        <translation>輸出步數</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>輸出形狀</translation>
    </message>
    <message>
        <source>Output steps {steps} exist only in {side} (hatched), not in {other}.</source>
        <translation>輸出步 {steps} 只在 {side} 中存在（斜線格），{other} 中沒有。</translation>
    </message>
    <message>
        <source>output step {t}</source>
        <translation>輸出步 {t}</translation>
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
            <numerusform>%n 個通道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s)</source>
        <translation>
            <numerusform>%n 個過濾器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n 層</numerusform>
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
        <translation>過濾器 {f}</translation>
    </message>
    <message>
        <source>input channel (group {g})</source>
        <translation>輸入通道（第 {g} 組）</translation>
    </message>
    <message>
        <source>channel within its group</source>
        <translation>組內通道</translation>
    </message>
    <message>
        <source>step</source>
        <translation>時間步</translation>
    </message>
    <message>
        <source>kernel position j</source>
        <translation>卷積核位置 j</translation>
    </message>
    <message>
        <source>output step t</source>
        <translation>輸出步 t</translation>
    </message>
    <message>
        <source>filter f</source>
        <translation>過濾器 f</translation>
    </message>
    <message>
        <source>kernel position j: 0 … kernel_size − 1 (often called a &quot;tap&quot;)</source>
        <translation>卷積核位置 j：0 … kernel_size − 1（英文資料中也叫 tap）</translation>
    </message>
    <message>
        <source>filter f (click one to show it large)</source>
        <translation>過濾器 f（點選一個即可放大顯示）</translation>
    </message>
    <message>
        <source> — padding &apos;{p}&apos; adds zeros: {l} left, {r} right (hatched)</source>
        <translation> — padding &apos;{p}&apos; 補零：左邊 {l} 個，右邊 {r} 個（斜線格）</translation>
    </message>
    <message>
        <source>Input x[{n}]: steps × channels = {L} × {C}</source>
        <translation>輸入 x[{n}]：步數 × 通道 = {L} × {C}</translation>
    </message>
    <message>
        <source>Kernel shape ({k}, {cg}, {F}) = (kernel_size, channels per filter, filters)</source>
        <translation>卷積核形狀 ({k}, {cg}, {F}) = (kernel_size, 每個過濾器的通道數, filters)</translation>
    </message>
    <message>
        <source>Output y[{n}]: steps × filters = {Lout} × {F}, output shape {shape}</source>
        <translation>輸出 y[{n}]：步數 × 過濾器 = {Lout} × {F}，輸出形狀 {shape}</translation>
    </message>
    <message>
        <source>window of y[{n}, {t}, :]</source>
        <translation>y[{n}, {t}, :] 的視窗</translation>
    </message>
    <message>
        <source>window of y[{n}, {t}, {f}]</source>
        <translation>y[{n}, {t}, {f}] 的視窗</translation>
    </message>
    <message>
        <source>Showing the last valid setting: {settings}</source>
        <translation>顯示的是上一個有效設定：{settings}</translation>
    </message>
    <message>
        <source>Showing the last valid setting</source>
        <translation>顯示的是上一個有效設定</translation>
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
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Paste numbers at the selected cell</source>
        <translation>在選取的格子處貼上數字</translation>
    </message>
    <message>
        <source>Paste a block copied from a spreadsheet (tab- or comma-separated); it starts at the selected cell, rows and columns as on screen.</source>
        <translation>貼上從試算表複製的一塊資料（定位字元或逗號分隔）；從選取的格子開始，列欄與螢幕上一致。</translation>
    </message>
    <message>
        <source>Edit the selected cell</source>
        <translation>編輯選取的格子</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>資料(&amp;D)</translation>
    </message>
    <message>
        <source>Fill the input</source>
        <translation>填入輸入資料</translation>
    </message>
    <message>
        <source>Fill the kernels</source>
        <translation>填入卷積核</translation>
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
        <translation>隨機整數 1…5（與課程一致）</translation>
    </message>
    <message>
        <source>Uniform −1…1 (seeded)</source>
        <translation>均勻分布 −1…1（固定種子）</translation>
    </message>
    <message>
        <source>Normal, mean 0, sd 1 (seeded)</source>
        <translation>常態分布，平均 0，標準差 1（固定種子）</translation>
    </message>
    <message>
        <source>Sine wave (period 8 steps)</source>
        <translation>正弦波（週期 8 步）</translation>
    </message>
    <message>
        <source>Square wave (period 8 steps)</source>
        <translation>方波（週期 8 步）</translation>
    </message>
    <message>
        <source>Step: 0 then 1 from the middle</source>
        <translation>階躍：前半為 0，從中間起為 1</translation>
    </message>
    <message>
        <source>Impulse: 1 at the middle step</source>
        <translation>單位脈衝：中間一步為 1</translation>
    </message>
    <message>
        <source>One-hot words (each step one word id)</source>
        <translation>獨熱編碼的詞（每步一個詞 id）</translation>
    </message>
    <message>
        <source>Ramp 1, 2, 3, …</source>
        <translation>遞增 1, 2, 3, …</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Ones (as in the course)</source>
        <translation>全 1（與課程一致）</translation>
    </message>
    <message>
        <source>Moving average (1/k on each tap)</source>
        <translation>移動平均（每個卷積核位置的權重都是 1/k）</translation>
    </message>
    <message>
        <source>Difference (last tap − first tap)</source>
        <translation>差分（最後一個卷積核位置 − 第一個）</translation>
    </message>
    <message>
        <source>Identity / delta (1 on the centre tap)</source>
        <translation>恆等 / 單位脈衝（中心位置為 1）</translation>
    </message>
    <message>
        <source>glorot_uniform (Keras default, seeded)</source>
        <translation>glorot_uniform（Keras 預設，固定種子）</translation>
    </message>
    <message>
        <source>he_normal (seeded)</source>
        <translation>he_normal（固定種子）</translation>
    </message>
    <message>
        <source>Seed for random fills: {seed}…</source>
        <translation>隨機填入的種子：{seed}…</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Seed for the random fills:</source>
        <translation>隨機填入使用的種子：</translation>
    </message>
    <message>
        <source>Input: {what} (seed {seed})</source>
        <translation>輸入：{what}（種子 {seed}）</translation>
    </message>
    <message>
        <source>Input: {what}</source>
        <translation>輸入：{what}</translation>
    </message>
    <message>
        <source>Kernels: {what} (seed {seed})</source>
        <translation>卷積核：{what}（種子 {seed}）</translation>
    </message>
    <message>
        <source>Kernels: {what}</source>
        <translation>卷積核：{what}</translation>
    </message>
    <message>
        <source>Bias: every value {v}</source>
        <translation>偏置：全部為 {v}</translation>
    </message>
    <message>
        <source>This cell cannot be edited.</source>
        <translation>這個格子不能編輯。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷積核</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Edit {kind} {cell}: {old} → {new}</source>
        <translation>編輯{kind} {cell}：{old} → {new}</translation>
    </message>
    <message>
        <source>Select a cell of the input, the kernels or the bias first.</source>
        <translation>請先選取輸入、卷積核或偏置中的一個格子。</translation>
    </message>
    <message>
        <source>Nothing fits here: choose a cell nearer the start.</source>
        <translation>這裡放不下：請選一個更前面的格子。</translation>
    </message>
    <message>
        <source>Paste {r} × {c} values into {cell}</source>
        <translation>把 {r} × {c} 個值貼上到 {cell}</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) did not fit and were left out.</source>
        <translation>
            <numerusform>有 %n 個值放不下，已略過。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Invalid setting: the diagram shows the last valid one.</source>
        <translation>設定無效：圖示顯示的是最後一個有效的設定。</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>修正方法：</translation>
    </message>
</context>
<context>
    <name>ErrorDemo</name>
    <message>
        <source>Why Keras stopped</source>
        <translation>Keras 為什麼報錯</translation>
    </message>
    <message>
        <source>Apply the fix</source>
        <translation>套用修正</translation>
    </message>
    <message>
        <source>Add the channel axis (reshape to (batch, steps, 1)) and show the convolution of the fixed input.</source>
        <translation>加上通道軸（reshape 成 (批次, 步數, 1)），並顯示修正後輸入的卷積結果。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Hide this explanation.</source>
        <translation>隱藏這段說明。</translation>
    </message>
    <message>
        <source>This input has shape {shape}: {batch} sample of {steps} steps, but no channel axis.</source>
        <translation>這個輸入的形狀是 {shape}：{batch} 個樣本、{steps} 步，但沒有通道軸。</translation>
    </message>
    <message>
        <source>Keras 2 said:</source>
        <translation>Keras 2 的錯誤訊息：</translation>
    </message>
    <message>
        <source>Keras 3 says:</source>
        <translation>Keras 3 的錯誤訊息：</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>修正方法：</translation>
    </message>
    <message>
        <source>In Keras 3, keras.Input(shape=({steps}, 1)) in a model adds the axis silently; a direct layer call does not.</source>
        <translation>在 Keras 3 中，模型裡的 keras.Input(shape=({steps}, 1)) 會默默加上這個軸；直接呼叫層則不會。</translation>
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
        <translation>修改輸入形狀：{old} → {new}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export diagram</source>
        <translation>匯出圖示</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 影像</translation>
    </message>
    <message>
        <source>SVG vector drawing (cell values as text)</source>
        <translation>SVG 向量圖（格子數值為文字）</translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation>PDF 文件（向量）</translation>
    </message>
    <message>
        <source>Animated GIF of the whole sweep</source>
        <translation>整個滑動過程的 GIF 動畫</translation>
    </message>
    <message>
        <source>MP4 video of the whole sweep</source>
        <translation>整個滑動過程的 MP4 影片</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Whole diagram</source>
        <translation>整個圖示</translation>
    </message>
    <message>
        <source>Input panel</source>
        <translation>輸入面板</translation>
    </message>
    <message>
        <source>Kernels panel</source>
        <translation>卷積核面板</translation>
    </message>
    <message>
        <source>Output panel</source>
        <translation>輸出面板</translation>
    </message>
    <message>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>寬度（像素）</translation>
    </message>
    <message>
        <source>Resolution (DPI)</source>
        <translation>解析度（DPI）</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Time per frame</source>
        <translation>每影格時間</translation>
    </message>
    <message>
        <source>Caption with the Keras call and the output-length formula</source>
        <translation>附上 Keras 呼叫和輸出長度公式的說明文字</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>複製到剪貼簿</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;Open session…</source>
        <translation>開啟工作階段(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>儲存工作階段(&amp;S)</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>工作階段另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import input (CSV, TSV, .npy)…</source>
        <translation>匯入輸入資料（CSV、TSV、.npy）(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Copy diagram as image</source>
        <translation>將圖示複製為影像(&amp;C)</translation>
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
        <translation>開啟工作階段</translation>
    </message>
    <message>
        <source>Sessions (*.json);;All files (*)</source>
        <translation>工作階段 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot open session</source>
        <translation>無法開啟工作階段</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已開啟 {path}</translation>
    </message>
    <message>
        <source>Save session as</source>
        <translation>工作階段另存新檔</translation>
    </message>
    <message>
        <source>Sessions (*.json)</source>
        <translation>工作階段 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save session</source>
        <translation>無法儲存工作階段</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>無法寫入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清除清單</translation>
    </message>
    <message>
        <source>Import input</source>
        <translation>匯入輸入資料</translation>
    </message>
    <message>
        <source>Numbers (*.csv *.tsv *.txt *.npy);;All files (*)</source>
        <translation>數值檔案 (*.csv *.tsv *.txt *.npy);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>已取消匯入</translation>
    </message>
    <message>
        <source>Cannot import input</source>
        <translation>無法匯入輸入資料</translation>
    </message>
    <message>
        <source>Replace the input with {name}, input shape {shape}?</source>
        <translation>用 {name} 取代輸入資料嗎？輸入形狀 {shape}</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>匯入 {name}</translation>
    </message>
    <message>
        <source>Imported {name}: {note}</source>
        <translation>已匯入 {name}：{note}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <source>MP4 needs the optional &apos;video&apos; extra: pip install &apos;conv1d-explorer[video]&apos; (imageio-ffmpeg).</source>
        <translation>匯出 MP4 需要選用的 &apos;video&apos; 元件：pip install &apos;conv1d-explorer[video]&apos;（imageio-ffmpeg）。</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>匯出圖示</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消匯出；沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已匯出 {path}</translation>
    </message>
    <message>
        <source>There is no valid picture to animate.</source>
        <translation>沒有可以產生動畫的有效圖示。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在讀取 {name}…</translation>
    </message>
    <message numerus="yes">
        <source>Rendering %n frame(s)…</source>
        <translation>
            <numerusform>正在繪製 %n 個影格…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Cannot copy</source>
        <translation>無法複製</translation>
    </message>
    <message>
        <source>Diagram copied to the clipboard ({w} x {h} px).</source>
        <translation>圖示已複製到剪貼簿（{w} x {h} 像素）。</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自動儲存失敗：{reason}</translation>
    </message>
    <message>
        <source>It was kept as {path}.</source>
        <translation>它已保留為 {path}。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>無法還原</translation>
    </message>
    <message>
        <source>The autosaved work cannot be restored: {reason}</source>
        <translation>無法還原自動儲存的工作：{reason}</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知時間</translation>
    </message>
    <message>
        <source>Autosaved {when}: Conv1D(filters={filters}, kernel_size={kernel_size}) on an input of shape {shape}.</source>
        <translation>自動儲存於 {when}：Conv1D(filters={filters}, kernel_size={kernel_size})，輸入形狀 {shape}。</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>還原未儲存的工作？</translation>
    </message>
    <message>
        <source>Conv1D Explorer did not quit normally last time. Restore the work it autosaved?</source>
        <translation>Conv1D Explorer 上次沒有正常結束。要還原自動儲存的工作嗎？</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>匯出...</translation>
    </message>
</context>
<context>
    <name>InspectPanels</name>
    <message>
        <source>Clear the pinned highlight</source>
        <translation>清除固定的標示</translation>
    </message>
    <message>
        <source>Math with symbols</source>
        <translation>用符號表示算式</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L) Language</translation>
    </message>
    <message>
        <source>Choose the language of the interface (remembered for next time).</source>
        <translation>選擇介面語言（下次啟動時沿用）。</translation>
    </message>
    <message>
        <source>Show the interface in {name}</source>
        <translation>以{name}顯示介面</translation>
    </message>
</context>
<context>
    <name>LayerKindBox</name>
    <message>
        <source>layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Conv1D slides the kernel over the input. Conv1DTranspose (transposed convolution) goes the other way: each input value scatters a scaled copy of the kernel into a longer output, and overlapping copies add up. Its matrix is the transpose Cᵀ of a Conv1D&apos;s matrix C.</source>
        <translation>Conv1D 讓卷積核在輸入上滑動。Conv1DTranspose（轉置卷積）方向相反：每個輸入值把卷積核乘以自身的值，得到一份縮放後的副本，散布到更長的輸出上，重疊的副本相加。它的矩陣是某個 Conv1D 的矩陣 C 的轉置 Cᵀ。</translation>
    </message>
    <message>
        <source>output_padding: extra steps at the end of a Conv1DTranspose&apos;s output, less than strides. None lets Keras infer the length.</source>
        <translation>output_padding（輸出填充）：加在 Conv1DTranspose 輸出末尾的步數，必須小於 strides。None 表示由 Keras 推斷輸出長度。</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Conv1D layer</source>
        <translation>Conv1D 層</translation>
    </message>
    <message>
        <source>Input shape (batch, steps, channels)</source>
        <translation>輸入形狀 (批次, 步數, 通道)</translation>
    </message>
    <message>
        <source>filters: Integer, the dimensionality of the output space (the number of filters in the convolution). Each filter makes one output channel: a row in the diagram (a column in Keras&apos;s printout).</source>
        <translation>filters：整數，輸出空間的維度（即卷積中過濾器的個數，也稱濾波器）。每個過濾器產生一個輸出通道：圖示預設把它畫成一列（Keras 印出的陣列裡它是一欄）。</translation>
    </message>
    <message>
        <source>How many sequences (samples) go through the layer at once.</source>
        <translation>一次通過該層的序列（樣本）數量，即批次大小。</translation>
    </message>
    <message>
        <source>Length of each sequence: words in a sentence, time points in a series.</source>
        <translation>每個序列的長度：句子中的詞數、時間序列中的時間點數。</translation>
    </message>
    <message>
        <source>Numbers per step: embedding dimensions, sensor readings. Every filter spans all of them.</source>
        <translation>每一步的數值個數：詞嵌入維度、感測器讀數等。每個過濾器都涵蓋全部通道。</translation>
    </message>
    <message>
        <source>Which sample of the batch the diagram shows.</source>
        <translation>圖示顯示批次中的哪一個樣本。</translation>
    </message>
    <message>
        <source>show sample</source>
        <translation>顯示樣本</translation>
    </message>
    <message>
        <source>Conv1DTranspose layer</source>
        <translation>Conv1DTranspose 層</translation>
    </message>
    <message>
        <source>The layer as Keras code; select to copy.</source>
        <translation>該層的 Keras 程式碼；選取即可複製。</translation>
    </message>
    <message>
        <source>kernel_size: the length of the 1D convolution window (how many steps each filter looks at).</source>
        <translation>kernel_size：一維卷積視窗的長度（每個過濾器一次看多少步）。</translation>
    </message>
    <message>
        <source>strides: the stride length of the convolution (how far the window moves). strides &gt; 1 is incompatible with dilation_rate &gt; 1.</source>
        <translation>strides：卷積的步長（視窗每次移動多遠）。strides &gt; 1 不能與 dilation_rate &gt; 1 同時使用。</translation>
    </message>
    <message>
        <source>padding: &apos;valid&apos; means no padding. &apos;same&apos; pads evenly left/right so the output has ceil(steps/strides) steps (an odd extra zero goes on the right). &apos;causal&apos; pads only on the left, so output[t] never sees input[t+1:].</source>
        <translation>padding：填充方式。&apos;valid&apos; 表示不填充。&apos;same&apos; 在左右兩邊平均補零，使輸出有 ceil(steps/strides) 步（奇數時多出的零補在右邊）。&apos;causal&apos; 只在左邊補零，所以 output[t] 永遠看不到 input[t+1:]。</translation>
    </message>
    <message>
        <source>dilation_rate: the dilation rate for dilated convolution: the window takes every d-th step.</source>
        <translation>dilation_rate：膨脹率（空洞率），用於膨脹卷積（空洞卷積）：視窗每隔 d 步取一個值。</translation>
    </message>
    <message>
        <source>groups: how many groups the input is split into along the channel axis. Each group is convolved separately with filters / groups filters; the outputs are concatenated. channels and filters must both be divisible by groups.</source>
        <translation>groups：沿通道軸把輸入分成多少組。每組分別與 filters / groups 個過濾器做卷積，輸出再串接起來。channels 和 filters 都必須能被 groups 整除。</translation>
    </message>
    <message>
        <source>use_bias: whether the layer adds a bias vector (one number per filter).</source>
        <translation>use_bias：該層是否加上偏置向量（每個過濾器一個數）。</translation>
    </message>
    <message>
        <source>activation: the activation function applied after conv + bias. &apos;linear&apos; means no activation.</source>
        <translation>activation：在卷積加偏置之後使用的激活函數。&apos;linear&apos; 表示不使用激活函數。</translation>
    </message>
    <message>
        <source>data_format: &apos;channels_last&apos; takes inputs shaped (batch, steps, channels); &apos;channels_first&apos; takes (batch, channels, steps).</source>
        <translation>data_format：資料格式。&apos;channels_last&apos; 接受形狀為 (批次, 步數, 通道) 的輸入；&apos;channels_first&apos; 接受 (批次, 通道, 步數)。</translation>
    </message>
    <message>
        <source>Keras would stop here:</source>
        <translation>Keras 會在這裡報錯：</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>修正方法：</translation>
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
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>開啟範例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Keras printout orientation (steps as rows)</source>
        <translation>按 Keras 列印的方向排列（每步一列）</translation>
    </message>
    <message>
        <source>Show numbers in cells</source>
        <translation>在格子中顯示數字</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>無法開啟範例</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <source>symbols</source>
        <translation>符號</translation>
    </message>
    <message>
        <source>Show the same sum with symbols: y[b, t, f] = bias[f] + Σ_j Σ_c x[b, t·s + j·d − pad_left, c] · w[j, c, f], with this layer&apos;s s, d and pad_left.</source>
        <translation>用符號顯示同一個求和：y[b, t, f] = bias[f] + Σ_j Σ_c x[b, t·s + j·d − pad_left, c] · w[j, c, f]，代入這一層的 s、d 和 pad_left。</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>算式</translation>
    </message>
    <message>
        <source>No output cell: the layer has no output steps.</source>
        <translation>沒有輸出格子：該層沒有輸出步。</translation>
    </message>
    <message>
        <source>hovered</source>
        <translation>滑鼠停留</translation>
    </message>
    <message>
        <source>pinned — Esc to unpin</source>
        <translation>已固定（按 Esc 取消固定）</translation>
    </message>
    <message>
        <source>current position</source>
        <translation>目前位置</translation>
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
            <numerusform>……另有 %n 項……</numerusform>
        </translation>
    </message>
    <message>
        <source>⋮ {channels} ({terms})</source>
        <translation>⋮ {channels}（{terms}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more channel(s)</source>
        <translation>
            <numerusform>另有 %n 個通道未顯示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n 項</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Σ %n tap(s)</source>
        <translation>
            <numerusform>Σ %n 個卷積核位置</numerusform>
        </translation>
    </message>
    <message>
        <source>+ bias[{f}]</source>
        <translation>+ 偏置 bias[{f}]</translation>
    </message>
    <message>
        <source>with this layer:</source>
        <translation>代入這一層：</translation>
    </message>
    <message>
        <source>This Conv1DTranspose has no output steps.</source>
        <translation>這個 Conv1DTranspose 沒有輸出步。</translation>
    </message>
    <message>
        <source>Arithmetic of x[{n}, {i}, :] scattering (current position)</source>
        <translation>x[{n}, {i}, :] 散布的算式（目前位置）</translation>
    </message>
    <message>
        <source>Input step {i} adds x[{n}, {i}, c] · w[j, f, c] to output step {where} (j = 0…{last}); overlapping copies add up.</source>
        <translation>輸入步 {i} 把 x[{n}, {i}, c] · w[j, f, c] 加到輸出步 {where}（j = 0…{last}）；重疊的副本相加。</translation>
    </message>
    <message>
        <source>bias[f] is added once to every output cell: each running sum starts at it.</source>
        <translation>bias[f] 在每個輸出格子上只加一次：每個累加和都從它開始。</translation>
    </message>
    <message>
        <source>use_bias=False: the running sums start at 0.</source>
        <translation>use_bias=False：累加和從 0 開始。</translation>
    </message>
    <message>
        <source>⋮ {filters} ({terms})</source>
        <translation>⋮ {filters}（{terms}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more filter(s)</source>
        <translation>
            <numerusform>另有 %n 個過濾器未顯示</numerusform>
        </translation>
    </message>
    <message>
        <source>⋮ {positions} ({terms})</source>
        <translation>⋮ {positions}（{terms}）</translation>
    </message>
    <message numerus="yes">
        <source>%n more kernel position(s)</source>
        <translation>
            <numerusform>另有 %n 個卷積核位置未顯示</numerusform>
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
        <translation>還會再加</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>重疊</translation>
    </message>
    <message numerus="yes">
        <source>%n input step(s) reach it: {steps} ({note})</source>
        <translation>
            <numerusform>有 %n 個輸入步落到這裡：{steps}（{note}）</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two clauses</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>cropped: Keras drops this output step</source>
        <translation>被裁掉：Keras 捨棄這個輸出步</translation>
    </message>
    <message>
        <source>Input steps 0…{i} have scattered: output steps 0…{last} of {out} hold running sums.</source>
        <translation>輸入步 0…{i} 已散布：{out} 個輸出步中，輸出步 0…{last} 有了累加和。</translation>
    </message>
    <message>
        <source>Input steps 0…{i} have scattered; this one lands only on cropped steps.</source>
        <translation>輸入步 0…{i} 已散布；這個輸入步只落在被裁掉的輸出步上。</translation>
    </message>
    <message>
        <source>i: input step</source>
        <translation>i：輸入步</translation>
    </message>
    <message>
        <source>Conv1DTranspose kernel layout (kernel_size, filters, channels): w[j, f, c]</source>
        <translation>Conv1DTranspose 的卷積核佈局 (kernel_size, filters, channels)：w[j, f, c]</translation>
    </message>
    <message>
        <source>input step {i} adds to output step {where}</source>
        <translation>輸入步 {i} 加到輸出步 {where}</translation>
    </message>
    <message>
        <source>{step} (cropped)</source>
        <translation>{step}（被裁掉）</translation>
    </message>
    <message>
        <source>taps j = 0…{last} read input steps {steps}</source>
        <translation>卷積核位置 j = 0…{last} 依序讀取輸入步 {steps}</translation>
    </message>
    <message>
        <source>before activation</source>
        <translation>激活前</translation>
    </message>
    <message numerus="yes">
        <source>Show all %n term(s)</source>
        <translation>
            <numerusform>顯示全部 %n 項</numerusform>
        </translation>
    </message>
    <message>
        <source>Show fewer terms</source>
        <translation>只顯示部分項</translation>
    </message>
    <message>
        <source>a padding zero</source>
        <translation>填充零</translation>
    </message>
    <message>
        <source>each term is x · w (input value · weight)</source>
        <translation>每一項是 x · w（輸入值 · 權重）</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Show Cᵀ (transpose)</source>
        <translation>顯示 Cᵀ（轉置）</translation>
    </message>
    <message>
        <source>Cᵀ maps the output back to the input&apos;s length: it is the matrix of the Conv1DTranspose with the same kernel, strides, padding and dilation.</source>
        <translation>Cᵀ 把輸出映射回輸入的長度：它就是卷積核、strides（步長）、padding（填充方式）和膨脹率都相同的 Conv1DTranspose（轉置卷積）的矩陣。</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>輸入步</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>輸出步</translation>
    </message>
    <message>
        <source>y = Cᵀ·x + b: Conv1DTranspose is the transpose of a Conv1D&apos;s matrix C. Each column is one input step scattering the kernel; rows are output steps (hatched: cropped by padding or added by output_padding).</source>
        <translation>y = Cᵀ·x + b：Conv1DTranspose 是某個 Conv1D 的矩陣 C 的轉置。每一欄是一個輸入步散布出的卷積核；列是輸出步（斜線格：被 padding 裁掉或由 output_padding 補上的步）。</translation>
    </message>
    <message>
        <source>Cᵀ·y: the transposed matrix maps the output back to the input&apos;s steps, as Conv1DTranspose does. Columns are output steps, rows input steps (hatched: padding).</source>
        <translation>Cᵀ·y：轉置矩陣把輸出映射回輸入的各步，Conv1DTranspose 做的就是這件事。欄是輸出步，列是輸入步（斜線格：填充零）。</translation>
    </message>
    <message>
        <source>y = C·x̃ + b: one row per output step, one column per input step (hatched: padding). Each row is the kernel placed at its window.</source>
        <translation>y = C·x̃ + b：每個輸出步一列，每個輸入步一欄（斜線格：填充零）。每一列都是放在其視窗上的卷積核。</translation>
    </message>
    <message>
        <source>Showing output steps {a}–{b} of {n}.</source>
        <translation>顯示第 {a}–{b} 個輸出步（共 {n} 個）。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} filters.</source>
        <translation>顯示 {n} 個過濾器中的 {k} 個。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} channels.</source>
        <translation>顯示 {n} 個通道中的 {k} 個。</translation>
    </message>
</context>
<context>
    <name>ModelActions</name>
    <message>
        <source>Open &amp;model (.keras, .h5)…</source>
        <translation>開啟模型（.keras、.h5）(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a saved Keras model</source>
        <translation>開啟儲存的 Keras 模型</translation>
    </message>
    <message>
        <source>Keras models (*.keras *.h5 *.hdf5)</source>
        <translation>Keras 模型 (*.keras *.h5 *.hdf5)</translation>
    </message>
    <message>
        <source>Cannot open model {file}: {why}</source>
        <translation>無法開啟模型 {file}：{why}</translation>
    </message>
    <message>
        <source>Opened model {file}</source>
        <translation>已開啟模型 {file}</translation>
    </message>
    <message>
        <source>Give an input first: type token ids or load a file.</source>
        <translation>請先給出輸入：鍵入詞 id，或載入檔案。</translation>
    </message>
    <message>
        <source>{layer} comes before {start}: its input is not known from this input.</source>
        <translation>{layer} 在 {start} 之前：無法由這個輸入得到它的輸入。</translation>
    </message>
    <message>
        <source>{layer} is in the main window: its kernel {kernel} and bias, on the input it receives {shape}.</source>
        <translation>{layer} 已載入主視窗：它的卷積核 {kernel} 和偏置，作用在它實際收到的輸入 {shape} 上。</translation>
    </message>
    <message>
        <source>Showing {layer} of {file}</source>
        <translation>正在顯示 {file} 的 {layer}</translation>
    </message>
    <message>
        <source>This session&apos;s layer {layer} came from a model file: {problem}</source>
        <translation>本工作階段的層 {layer} 來自一個模型檔案：{problem}</translation>
    </message>
</context>
<context>
    <name>ModelWindow</name>
    <message>
        <source>Saved model</source>
        <translation>儲存的模型</translation>
    </message>
    <message>
        <source>Saved model — {name}</source>
        <translation>儲存的模型 — {name}</translation>
    </message>
    <message>
        <source>Input is for:</source>
        <translation>輸入用作：</translation>
    </message>
    <message>
        <source>Token ids:</source>
        <translation>詞 id：</translation>
    </message>
    <message>
        <source>e.g. 12 5 7 33 (a sentence as the model&apos;s token ids)</source>
        <translation>例如 12 5 7 33（一句話，用模型的詞 id 表示）</translation>
    </message>
    <message>
        <source>Use token ids</source>
        <translation>使用這些詞 id</translation>
    </message>
    <message>
        <source>Load input (CSV, .npy)…</source>
        <translation>載入輸入（CSV、.npy）…</translation>
    </message>
    <message>
        <source>Show in the layer-stack window</source>
        <translation>在層堆疊視窗中顯示</translation>
    </message>
    <message>
        <source>Layer (type)</source>
        <translation>層（類型）</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>輸出形狀</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>參數量</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>累計步長</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>圖示</translation>
    </message>
    <message>
        <source>the model&apos;s input</source>
        <translation>模型的輸入</translation>
    </message>
    <message>
        <source>Show in the diagram</source>
        <translation>在圖示中顯示</translation>
    </message>
    <message>
        <source>the input of {name}</source>
        <translation>{name} 的輸入</translation>
    </message>
    <message>
        <source>{name}: {layers} layers, {params} parameters — {file}, {kind}, saved by Keras {version}. Nothing in the file is run.</source>
        <translation>{name}：{layers} 層，{params} 個參數；{file}，{kind}，由 Keras {version} 儲存。檔案中的任何內容都不會被執行。</translation>
    </message>
    <message>
        <source>No input yet: type token ids or load a file.</source>
        <translation>還沒有輸入：鍵入詞 id，或載入檔案。</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>a fixed example input {shape} (token ids 1, 2, 3, …)</source>
        <translation>固定的範例輸入 {shape}（詞 id 依序為 1、2、3……）</translation>
    </message>
    <message>
        <source>a fixed example input {shape} (rounded random numbers)</source>
        <translation>固定的範例輸入 {shape}（取到小數點後兩位的隨機數）</translation>
    </message>
    <message>
        <source>your token ids {ids}</source>
        <translation>你的詞 id {ids}</translation>
    </message>
    <message>
        <source>{file}, shape {shape}</source>
        <translation>{file}，形狀 {shape}</translation>
    </message>
    <message>
        <source>Input to {target}: {what}</source>
        <translation>{target} 的輸入：{what}</translation>
    </message>
    <message>
        <source>Load the input</source>
        <translation>載入輸入</translation>
    </message>
    <message>
        <source>Numbers ({patterns})</source>
        <translation>數字 ({patterns})</translation>
    </message>
    <message>
        <source>Cannot compute the input of {layer}: {reason}</source>
        <translation>無法計算 {layer} 的輸入：{reason}</translation>
    </message>
    <message>
        <source>Give the input of {next} directly: choose it under “Input is for” and load a file.</source>
        <translation>請直接給出 {next} 的輸入：在「輸入用作」中選擇它，再載入檔案。</translation>
    </message>
</context>
<context>
    <name>PictureExport</name>
    <message>
        <source>Export picture…</source>
        <translation>匯出圖片…</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>匯出圖片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 圖片 (*.png);;SVG 向量圖 (*.svg);;PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PictureSwitch</name>
    <message>
        <source>Picture:</source>
        <translation>圖示：</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>格子圖</translation>
    </message>
    <message>
        <source>The cell grid only: input, filters and output as cells.</source>
        <translation>只顯示格子圖：輸入、過濾器和輸出都畫成格子。</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩陣</translation>
    </message>
    <message>
        <source>Add the layer as a matrix, y = C·x̃ + b, next to the grid.</source>
        <translation>在格子圖旁邊把這一層畫成矩陣：y = C·x̃ + b。</translation>
    </message>
    <message>
        <source>The layer as curves over time, for inputs too long for cells.</source>
        <translation>把這一層畫成隨時間變化的曲線，適合太長、畫成格子看不清的輸入。</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>訊號</translation>
    </message>
    <message>
        <source>The signal view draws Conv1D; a Conv1DTranspose shows its scatter.</source>
        <translation>訊號檢視只畫 Conv1D；Conv1DTranspose 顯示它的散布過程。</translation>
    </message>
</context>
<context>
    <name>PredictReveal</name>
    <message>
        <source>Predict, then reveal: step forward (→) and the class guesses each new value before Enter shows it.</source>
        <translation>先預測，再揭曉：按 → 前進一步，全班先猜每個新值，再按 Enter 揭曉。</translation>
    </message>
    <message>
        <source>Output length: {formula} steps</source>
        <translation>輸出長度：{formula} 步</translation>
    </message>
    <message>
        <source>What will y[{t}, {f}] be?</source>
        <translation>y[{t}, {f}] 會是多少？</translation>
    </message>
    <message>
        <source>What will y[{t}, :] be (every filter)?</source>
        <translation>y[{t}, :] 會是多少（所有過濾器）？</translation>
    </message>
    <message>
        <source>What will the output length be?</source>
        <translation>輸出長度會是多少？</translation>
    </message>
    <message>
        <source>Press Enter to reveal.</source>
        <translation>按 Enter 揭曉。</translation>
    </message>
</context>
<context>
    <name>ShapesPanel</name>
    <message>
        <source>Shapes</source>
        <translation>形狀</translation>
    </message>
    <message>
        <source>(batch, steps, channels)</source>
        <translation>(批次, 步數, 通道)</translation>
    </message>
    <message>
        <source>(batch, channels, steps)</source>
        <translation>(批次, 通道, 步數)</translation>
    </message>
    <message>
        <source>(batch, steps, filters)</source>
        <translation>(批次, 步數, 過濾器)</translation>
    </message>
    <message>
        <source>(batch, filters, steps)</source>
        <translation>(批次, 過濾器, 步數)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>kernel — Keras</source>
        <translation>卷積核 — Keras</translation>
    </message>
    <message>
        <source>weight — PyTorch</source>
        <translation>權重 — PyTorch</translation>
    </message>
    <message>
        <source>W — Keras 1 / Theano</source>
        <translation>W — Keras 1 / Theano</translation>
    </message>
    <message>
        <source>Keras 1 had no groups</source>
        <translation>Keras 1 沒有 groups（分組）</translation>
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
        <translation>輸出</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>參數量</translation>
    </message>
    <message>
        <source>: </source>
        <comment>after a label</comment>
        <translation>：</translation>
    </message>
    <message>
        <source>Filter {f} highlighted (click a filter, a weight or an output cell)</source>
        <translation>已標示過濾器 {f}（可點選過濾器、權重或輸出格子）</translation>
    </message>
    <message>
        <source>Output length</source>
        <translation>輸出長度</translation>
    </message>
    <message>
        <source>Effective kernel span: keff = {formula} = {substituted} = {result}</source>
        <translation>膨脹後卷積核的有效跨度：keff = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;valid&apos; output length: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;valid&apos; 的輸出長度：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Too short: &apos;valid&apos; needs L ≥ keff, but {substituted}</source>
        <translation>輸入太短：&apos;valid&apos; 需要 L ≥ keff，但 {substituted}</translation>
    </message>
    <message>
        <source>&apos;same&apos; output length: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;same&apos; 的輸出長度：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;same&apos; zeros in total: total = {formula} = {substituted} = {result}</source>
        <translation>&apos;same&apos; 補零總數：total = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Split (left, right) = {formula} = {substituted} = {result}</source>
        <translation>左右分配 (left, right) = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;causal&apos; pads the left only: (left, right) = {formula} = {substituted} = {result}</source>
        <translation>&apos;causal&apos; 只在左邊補零：(left, right) = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>&apos;causal&apos; output length: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;causal&apos; 的輸出長度：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Padded length = {formula} = {substituted} = {result}</source>
        <translation>填充後的長度 = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Padding &apos;valid&apos;: no zeros are added.</source>
        <translation>填充 &apos;valid&apos;：不補零。</translation>
    </message>
    <message numerus="yes">
        <source>Padding &apos;{p}&apos;: %n zero(s) on the left</source>
        <translation>
            <numerusform>padding &apos;{p}&apos;：左邊補 %n 個零</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n on the right.</source>
        <translation>
            <numerusform>，右邊補 %n 個。</numerusform>
        </translation>
    </message>
    <message>
        <source>The total is odd: Keras puts the extra zero on the right.</source>
        <translation>總數是奇數：Keras 把多出的零補在右邊。</translation>
    </message>
    <message>
        <source>Output step t never sees an input after step t.</source>
        <translation>輸出步 t 永遠看不到第 t 步之後的輸入。</translation>
    </message>
    <message>
        <source>kernel — Keras Conv1DTranspose</source>
        <translation>卷積核 — Keras Conv1DTranspose</translation>
    </message>
    <message>
        <source>filters before channels: the reverse of Conv1D&apos;s (k, C, F)</source>
        <translation>過濾器在通道之前：與 Conv1D 的 (k, C, F) 相反</translation>
    </message>
    <message>
        <source>weight — PyTorch ConvTranspose1d</source>
        <translation>權重 — PyTorch ConvTranspose1d</translation>
    </message>
    <message>
        <source>&apos;{padding}&apos; output length, output_padding={op}: Lout = {formula} = {substituted} = {result}</source>
        <translation>&apos;{padding}&apos; 的輸出長度（output_padding={op}）：Lout = {formula} = {substituted} = {result}</translation>
    </message>
    <message>
        <source>Full scatter before cropping: (L − 1)·s + keff = {substituted} = {result}</source>
        <translation>裁掉之前的完整散布長度：(L − 1)·s + keff = {substituted} = {result}</translation>
    </message>
    <message>
        <source>This Conv1DTranspose has no output steps.</source>
        <translation>這個 Conv1DTranspose 沒有輸出步。</translation>
    </message>
    <message numerus="yes">
        <source>Keras keeps output steps {start}…{stop} of the full scatter: it crops %n step(s) on the left</source>
        <translation>
            <numerusform>Keras 保留完整散布結果的第 {start}…{stop} 步：左邊裁掉 %n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keras keeps the full scatter from step {start} and adds %n zero step(s) at the end (output_padding).</source>
        <translation>
            <numerusform>Keras 從第 {start} 步起保留完整散布結果，並在末尾補 %n 個零步（output_padding）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideTabs</name>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>The Conv1D arguments and the input shape.</source>
        <translation>Conv1D 的參數和輸入形狀。</translation>
    </message>
    <message>
        <source>Arithmetic and shapes</source>
        <translation>算式與形狀</translation>
    </message>
    <message>
        <source>How the current output value is computed, and every shape. On a wider window (1500 pixels and more) these panels stand beside the diagram.</source>
        <translation>目前輸出值是怎樣算出來的，以及所有形狀。主視窗更寬時（1500 像素及以上），這兩個面板顯示在圖示旁邊。</translation>
    </message>
</context>
<context>
    <name>SignalView</name>
    <message>
        <source>input x: one curve per channel (shaded: padding)</source>
        <translation>輸入 x：每個通道一條曲線（斜線區：填充零）</translation>
    </message>
    <message>
        <source>filters: each kernel as a small waveform (bold: the current filter)</source>
        <translation>過濾器：每個卷積核畫成一小段波形（粗線：目前的過濾器）</translation>
    </message>
    <message>
        <source>output y: one curve per filter, under the window that computed it</source>
        <translation>輸出 y：每個過濾器一條曲線，畫在算出它的視窗下方</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>輸入步</translation>
    </message>
    <message>
        <source>kernel position (filter after filter)</source>
        <translation>卷積核位置（過濾器依序排列）</translation>
    </message>
    <message>
        <source>{steps} input steps, {out} output steps, padding &apos;{padding}&apos;.</source>
        <translation>{steps} 個輸入步，{out} 個輸出步，padding=&apos;{padding}&apos;。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} channels.</source>
        <translation>顯示 {n} 個通道中的 {k} 個。</translation>
    </message>
    <message>
        <source>Showing {k} of {n} filters.</source>
        <translation>顯示 {n} 個過濾器中的 {k} 個。</translation>
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
        <translation>層堆疊(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Compare two settings…</source>
        <translation>比較兩種設定(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>StackCanvas</name>
    <message>
        <source>Input {shape} — your input, through the saved model&apos;s own weights</source>
        <extracomment>The common Keras activations offered in the forms (a subset of conv_core&apos;s KERAS_ACTIVATIONS). Keras class -&gt; the arguments its form edits: (Keras name, kind); kind is &apos;int&apos;, &apos;optint&apos; (None at 0), &apos;float&apos;, &apos;bool&apos;, or a tuple of choices.</extracomment>
        <translation>輸入 {shape} — 你的輸入，經過所儲存模型自己的權重</translation>
    </message>
    <message>
        <source>Input {shape}: token ids, drawn as their word vectors (deterministic random values)</source>
        <translation>輸入 {shape}：詞 id，畫成對應的詞向量（固定種子產生的隨機值）</translation>
    </message>
    <message>
        <source>values from the main window</source>
        <translation>來自主視窗的值</translation>
    </message>
    <message>
        <source>deterministic random values</source>
        <translation>固定種子產生的隨機值</translation>
    </message>
    <message>
        <source>Input {shape} — {source}</source>
        <translation>輸入 {shape} — {source}</translation>
    </message>
    <message>
        <source>{name} ({cls}) → {shape}</source>
        <translation>{name} ({cls}) → {shape}</translation>
    </message>
    <message>
        <source> · receptive field {r}, jump {j}</source>
        <translation> · 感受野 {r}，累計步長 {j}</translation>
    </message>
    <message>
        <source> · steps only (no numbers)</source>
        <translation> · 只畫出時間步（不顯示數值）</translation>
    </message>
    <message>
        <source>input step (every row placed over the input)</source>
        <translation>輸入步（每一列都對齊到輸入上）</translation>
    </message>
    <message>
        <source>Input: no values (the input shape is unknown)</source>
        <translation>輸入：沒有數值（輸入形狀未知）</translation>
    </message>
    <message>
        <source>{name} ({cls}): not modelled by the explorer.</source>
        <translation>{name} ({cls})：本應用程式無法模擬這一層。</translation>
    </message>
    <message>
        <source>{name} ({cls}): Keras refuses this layer.</source>
        <translation>{name} ({cls})：Keras 會拒絕這一層。</translation>
    </message>
    <message>
        <source>{head}
{message}
Fix: {fix}</source>
        <translation>{head}
{message}
修正方法：{fix}</translation>
    </message>
    <message>
        <source>{name} ({cls}): not built — a layer before it failed or the input shape is unknown</source>
        <translation>{name} ({cls})：未建構（它前面的某一層出錯，或輸入形狀未知）</translation>
    </message>
    <message>
        <source>{name} ({cls}) → {shape} · {params} parameters · looks up one vector per token: the vectors are the input row above</source>
        <translation>{name} ({cls}) → {shape} · {params} 個參數 · 為每個詞 id 查出一個向量：這些向量就是上方的輸入列</translation>
    </message>
    <message>
        <source>{name} ({cls}) → {shape} · {params} parameters · shapes only</source>
        <translation>{name} ({cls}) → {shape} · {params} 個參數 · 只計算形狀</translation>
    </message>
</context>
<context>
    <name>StackWindow</name>
    <message>
        <source>Layer stack — shapes and receptive fields</source>
        <extracomment>After *Build* read the code off the GUI thread and showed it: True when a model was found.</extracomment>
        <translation>層堆疊 — 形狀與感受野</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>範例：</translation>
    </message>
    <message>
        <source>Choose a model from the material…</source>
        <translation>從教材中選擇一個模型…</translation>
    </message>
    <message>
        <source>Paste Keras code here (model.add(...), Sequential([...]) or keras.Input(...) calls). It is only read, never run.</source>
        <translation>在此貼上 Keras 程式碼（model.add(...)、Sequential([...]) 或 keras.Input(...) 呼叫）。程式碼只會被讀取，不會被執行。</translation>
    </message>
    <message>
        <source>Input steps:</source>
        <translation>輸入步數：</translation>
    </message>
    <message>
        <source>Steps of one sample; None (0) means any length.</source>
        <translation>一個樣本的步數；None（0）表示任意長度。</translation>
    </message>
    <message>
        <source>channels:</source>
        <translation>通道數：</translation>
    </message>
    <message>
        <source>Channels of one step; — (0) means no channel axis (token ids for an Embedding).</source>
        <translation>每一步的通道數；—（0）表示沒有通道軸（給 Embedding 的詞 id）。</translation>
    </message>
    <message>
        <source>length used for None:</source>
        <translation>None 時使用的長度：</translation>
    </message>
    <message>
        <source>How many steps to compute and draw when the steps are None.</source>
        <translation>步數為 None 時，計算並繪製多少步。</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>建構(&amp;B)</translation>
    </message>
    <message>
        <source>Read the code and build the stack (nothing is executed).</source>
        <translation>讀取程式碼並建構層堆疊（不會執行任何程式碼）。</translation>
    </message>
    <message>
        <source>Use the main window&apos;s input x when its shape fits</source>
        <translation>形狀合適時使用主視窗的輸入 x</translation>
    </message>
    <message>
        <source>Compare two settings…</source>
        <translation>比較兩種設定…</translation>
    </message>
    <message>
        <source>A model with branches is rewired in the code, then built again.</source>
        <translation>有分支的模型請在程式碼中修改連接，然後重新建構。</translation>
    </message>
    <message>
        <source>Layers (the wiring is in the code):</source>
        <translation>層（連接關係在程式碼中）：</translation>
    </message>
    <message>
        <source>Layers (drag to reorder):</source>
        <translation>層（拖曳可調整順序）：</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>新增層</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
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
        <translation>逐一播放所選層的各個輸出步。</translation>
    </message>
    <message>
        <source>Place outputs at:</source>
        <translation>輸出放在：</translation>
    </message>
    <message>
        <source>the middle of their field</source>
        <translation>感受野的中間</translation>
    </message>
    <message>
        <source>the end of their field (causal)</source>
        <translation>感受野的末端（因果）</translation>
    </message>
    <message>
        <source>their own step index</source>
        <translation>自己的步序號</translation>
    </message>
    <message>
        <source>Layer (type)</source>
        <translation>層（類型）</translation>
    </message>
    <message>
        <source>Output Shape</source>
        <translation>輸出形狀</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>參數量</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>累計步長</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>連接到</translation>
    </message>
    <message>
        <source>the code gives no usable input shape: using {shape} from the input fields</source>
        <translation>程式碼沒有給出可用的輸入形狀：改用輸入欄位中的 {shape}</translation>
    </message>
    <message>
        <source>{n} models in the code: showing the first, {name}</source>
        <translation>程式碼中有 {n} 個模型：顯示第一個，{name}</translation>
    </message>
    <message>
        <source>no model found: the code needs layer calls such as model.add(layers.Conv1D(32, 7)) or keras.Input(shape=(steps, channels))</source>
        <translation>沒有找到模型：程式碼需要包含層的呼叫，例如 model.add(layers.Conv1D(32, 7)) 或 keras.Input(shape=(steps, channels))</translation>
    </message>
    <message>
        <source>error</source>
        <translation>錯誤</translation>
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
        <translation>程式碼讀取順利，沒有發現問題。</translation>
    </message>
    <message>
        <source>Keras: {message}
Fix: {fix}</source>
        <translation>Keras：{message}
修正方法：{fix}</translation>
    </message>
    <message>
        <source>Total params: {total} · Trainable params: {trainable} · Non-trainable params: {non}</source>
        <translation>總參數量：{total} · 可訓練參數量：{trainable} · 不可訓練參數量：{non}</translation>
    </message>
    <message>
        <source>{name}: {message}
Fix: {fix}</source>
        <translation>{name}：{message}
修正方法：{fix}</translation>
    </message>
    <message>
        <source>No numbers are drawn: {message}
Fix: {fix}</source>
        <translation>不顯示數值：{message}
修正方法：{fix}</translation>
    </message>
    <message>
        <source>click an output step</source>
        <translation>點選一個輸出步</translation>
    </message>
    <message>
        <source>{name}: output step {t} of {n}</source>
        <translation>{name}：輸出步 {t} / {n}</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>The layer</source>
        <translation>這一層</translation>
    </message>
    <message>
        <source>Every Conv1D argument, named as Keras names it. Change one and the picture follows; an invalid value explains itself here, with the fix.</source>
        <translation>Conv1D 的每個參數，名稱與 Keras 一致。改動任何一個，圖示隨之更新；無效的值會在這裡說明原因和修正方法。</translation>
    </message>
    <message>
        <source>The picture</source>
        <translation>圖示</translation>
    </message>
    <message>
        <source>Top: the input (hatched cells are padding zeros). Middle: one kernel per filter. Bottom: the output, filling in as the window slides.</source>
        <translation>上：輸入（斜線格是填充零）。中：每個過濾器一個卷積核。下：輸出，隨視窗滑動逐格填入。</translation>
    </message>
    <message>
        <source>Arithmetic and shapes</source>
        <translation>算式與形狀</translation>
    </message>
    <message>
        <source>How each output value is computed, and every shape. On a narrow screen they wait behind this tab; from 1500 pixels wide they stand beside the diagram.</source>
        <translation>每個輸出值是怎樣算出來的，以及所有形狀。螢幕較窄時，它們收在這個分頁裡；主視窗寬 1500 像素及以上時，它們顯示在圖示旁邊。</translation>
    </message>
    <message>
        <source>Step through it</source>
        <translation>逐步檢視</translation>
    </message>
    <message>
        <source>← / → step, Space plays, Home / End jump. Every output value is one window times one filter.</source>
        <translation>← / → 單步，空白鍵播放，Home / End 跳到首尾。每個輸出值都來自一個視窗和一個過濾器：對應位置相乘，再全部相加。</translation>
    </message>
    <message>
        <source>The same in code</source>
        <translation>對應的程式碼</translation>
    </message>
    <message>
        <source>Keras, PyTorch or NumPy code that rebuilds this exact layer and checks the output. Copy it and run it.</source>
        <translation>用 Keras、PyTorch 或 NumPy 程式碼重建這一層並核對輸出。複製下來執行即可。</translation>
    </message>
    <message>
        <source>Language and classroom</source>
        <translation>語言與課堂</translation>
    </message>
    <message>
        <source>Language: English, 简体中文, 繁體中文. View &gt; Classroom mode (F11): full screen, high contrast, predict then reveal.</source>
        <translation>語言：English、简体中文、繁體中文。「檢視 &gt; 課堂模式」（F11）：全螢幕、高對比、「先預測，再揭曉」。</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>略過</translation>
    </message>
    <message>
        <source>End the tour now; Help &gt; Show the tour brings it back.</source>
        <translation>現在結束導覽；之後可從「說明 &gt; 顯示導覽」再次開啟。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>The previous step of the tour.</source>
        <translation>導覽的上一步。</translation>
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
        <translation>關閉導覽。</translation>
    </message>
    <message>
        <source>The next step of the tour.</source>
        <translation>導覽的下一步。</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>First position (Home)</source>
        <translation>第一個位置（Home）</translation>
    </message>
    <message>
        <source>Step back (Left)</source>
        <translation>後退一步（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暫停（空白鍵）</translation>
    </message>
    <message>
        <source>Step forward (Right)</source>
        <translation>前進一步（→）</translation>
    </message>
    <message>
        <source>Last position (End)</source>
        <translation>最後一個位置（End）</translation>
    </message>
    <message>
        <source>Every (step, filter) position; drag to scrub.</source>
        <translation>所有位置：每個輸出步 × 每個過濾器；拖曳即可跳轉。</translation>
    </message>
    <message>
        <source>Animation speed in positions per second (+ / -).</source>
        <translation>動畫速度：每秒前進幾個位置（+ / -）。</translation>
    </message>
    <message>
        <source>one filter at a time</source>
        <translation>一次一個過濾器</translation>
    </message>
    <message>
        <source>all filters together</source>
        <translation>所有過濾器一起</translation>
    </message>
    <message>
        <source>Slide one filter over the whole input before the next, or all filters at once.</source>
        <translation>先讓一個過濾器滑過整個輸入再換下一個，或讓所有過濾器同時滑動。</translation>
    </message>
    <message>
        <source>{speed:g}/s</source>
        <translation>{speed:g}/秒</translation>
    </message>
    <message>
        <source>Every input step of the Conv1DTranspose, scattering in turn; drag to scrub.</source>
        <translation>Conv1DTranspose 的每個輸入步依次散布；拖曳即可跳轉。</translation>
    </message>
    <message>
        <source>step {t} (all filters) — {p}/{n}</source>
        <translation>第 {t} 步（所有過濾器）— {p}/{n}</translation>
    </message>
    <message>
        <source>step {t}, filter {f} — {p}/{n}</source>
        <translation>第 {t} 步，過濾器 {f} — {p}/{n}</translation>
    </message>
    <message>
        <source>input step {i} (no output steps) — {p}/{n}</source>
        <translation>輸入步 {i}（沒有輸出步）— {p}/{n}</translation>
    </message>
    <message>
        <source>input step {i} → cropped — {p}/{n}</source>
        <translation>輸入步 {i} → 被裁掉 — {p}/{n}</translation>
    </message>
    <message>
        <source>input step {i} → output steps {o} — {p}/{n}</source>
        <translation>輸入步 {i} → 輸出步 {o} — {p}/{n}</translation>
    </message>
</context>
<context>
    <name>TransposeView</name>
    <message>
        <source>input x: the outlined step scatters now</source>
        <translation>輸入 x：框出的這一步正在散布</translation>
    </message>
    <message>
        <source>what step i adds: x[i] · w (hatched: cropped)</source>
        <translation>輸入步 i 加上的量：x[i] · w（斜線格：被裁掉）</translation>
    </message>
    <message>
        <source>output y: running sums, overlaps add up (bias included)</source>
        <translation>輸出 y：目前的累加和，重疊處相加（含偏置）</translation>
    </message>
    <message>
        <source>input step</source>
        <translation>輸入步</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>輸出步</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>過濾器</translation>
    </message>
    <message>
        <source>Input step {i} adds x[{i}] · w at output steps {i}·{s} + j·{d} − {crop}; {n} input steps make {out} output steps.</source>
        <translation>輸入步 {i} 把 x[{i}] · w 加到輸出步 {i}·{s} + j·{d} − {crop} 上；{n} 個輸入步得到 {out} 個輸出步。</translation>
    </message>
    <message>
        <source>This Conv1DTranspose has no output steps.</source>
        <translation>這個 Conv1DTranspose 沒有輸出步。</translation>
    </message>
</context>
<context>
    <name>_LayerForm</name>
    <message>
        <source>Arguments of the selected layer</source>
        <translation>所選層的參數</translation>
    </message>
    <message>
        <source>Select a layer to edit its arguments.</source>
        <translation>選擇一層來編輯它的參數。</translation>
    </message>
    <message>
        <source>A model input: its shape is set in the code (the first input&apos;s also in the input fields).</source>
        <translation>模型的輸入：其形狀在程式碼中設定（第一個輸入的形狀也可在輸入欄中設定）。</translation>
    </message>
    <message>
        <source>{cls} is not modelled: edit it in the code.</source>
        <translation>本應用程式無法模擬 {cls}：請在程式碼中修改它。</translation>
    </message>
    <message>
        <source>{cls} has no arguments that change shapes.</source>
        <translation>{cls} 沒有會改變形狀的參數。</translation>
    </message>
</context>
<context>
    <name>_Side</name>
    <message>
        <source>Setting {side}</source>
        <extracomment>name -&gt; (changes for A, changes for B) on top of the main window&apos;s layer.</extracomment>
        <translation>設定 {side}</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>過濾器</translation>
    </message>
    <message>
        <source>input step (outputs under their windows)</source>
        <translation>輸入時間步（輸出畫在各自視窗的下方）</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>輸出步</translation>
    </message>
    <message>
        <source> — zeros: {l} left, {r} right (hatched)</source>
        <translation> — 補零：左邊 {l} 個，右邊 {r} 個（斜線格）</translation>
    </message>
    <message>
        <source>Input: {steps} × {channels}</source>
        <translation>輸入：{steps} × {channels}</translation>
    </message>
    <message>
        <source>Output: {steps} × {filters}, shape {shape}</source>
        <translation>輸出：{steps} × {filters}，形狀 {shape}</translation>
    </message>
    <message>
        <source>{message}
Fix: {fix}</source>
        <translation>{message}
修正方法：{fix}</translation>
    </message>
    <message>
        <source>Setting {side}: no output</source>
        <translation>設定 {side}：沒有輸出</translation>
    </message>
</context>
<context>
    <name>compare</name>
    <message>
        <source>Compare two Conv1D settings on the same input</source>
        <translation>在同一輸入上比較兩種 Conv1D 設定</translation>
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
        <translation>請輸入一個數字，例如 3、-1.5 或 0.25。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; (not a number) cannot be used: every cell needs a real number.</source>
        <translation>不能使用「{text}」（不是數字）：每個格子都需要一個實數。</translation>
    </message>
    <message>
        <source>Infinity cannot be used: keep values between -1e15 and 1e15.</source>
        <translation>不能使用無限大：數值請保持在 -1e15 到 1e15 之間。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number. Type digits with an optional sign, decimal point and exponent, for example 3, -1.5 or 2e-3.</source>
        <translation>「{text}」不是數字。請輸入數字，可帶正負號、小數點和指數，例如 3、-1.5 或 2e-3。</translation>
    </message>
    <message>
        <source>{text} is too large: keep values between -1e15 and 1e15.</source>
        <translation>{text} 太大：數值請保持在 -1e15 到 1e15 之間。</translation>
    </message>
    <message>
        <source>The clipboard holds no numbers to paste.</source>
        <translation>剪貼簿裡沒有可以貼上的數字。</translation>
    </message>
    <message>
        <source>Row {r}, column {c}: {why}</source>
        <translation>第 {r} 列第 {c} 欄：{why}</translation>
    </message>
    <message>
        <source>Rows differ in length (row 1: {m}, row {r}: {n}): paste a rectangular block.</source>
        <translation>各列長度不同（第 1 列 {m} 個，第 {r} 列 {n} 個）：請貼上一個矩形的資料區塊。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{call}:  input {shape_in} → output {shape_out}</source>
        <translation>{call}：輸入 {shape_in} → 輸出 {shape_out}</translation>
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
        <translation>所有過濾器，第 {t} 步</translation>
    </message>
    <message>
        <source>step {t}, filter {f}</source>
        <translation>第 {t} 步，過濾器 {f}</translation>
    </message>
    <message>
        <source>{where} — {n}/{total}</source>
        <translation>{where} — {n}/{total}</translation>
    </message>
    <message>
        <source>Made with Conv1D Explorer</source>
        <translation>由 Conv1D Explorer 製作</translation>
    </message>
</context>
<context>
    <name>hover</name>
    <message>
        <source>no output reads this step</source>
        <translation>沒有輸出讀取這一步</translation>
    </message>
    <message>
        <source>feeds output steps {steps}</source>
        <translation>參與計算輸出步 {steps}</translation>
    </message>
    <message>
        <source>{step} (padding zero)</source>
        <translation>{step}（填充零）</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左邊</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右邊</translation>
    </message>
    <message>
        <source>padding &apos;{p}&apos; adds zeros: {l} on the left, {r} on the right; this one is on the {side}</source>
        <translation>padding &apos;{p}&apos; 補零：左邊 {l} 個，右邊 {r} 個；這個零在{side}</translation>
    </message>
    <message>
        <source>no window reads it</source>
        <translation>沒有視窗讀取它</translation>
    </message>
    <message>
        <source>read by {reads}, so it adds nothing to those sums</source>
        <translation>被 {reads} 讀取，所以對這些和沒有貢獻</translation>
    </message>
    <message>
        <source>✕ grey: input steps no output reads (strides skip them / after the last window): {steps}</source>
        <translation>✕ 灰色：沒有輸出讀取的輸入步（被步長跳過，或在最後一個視窗之後）：{steps}</translation>
    </message>
</context>
<context>
    <name>keras_code</name>
    <message>
        <source>the code has more than {nodes:,} parts (names, numbers, signs...), more than the explorer reads: it is not read</source>
        <translation>程式碼超過 {nodes:,} 個部分（名稱、數字、符號……），超出本應用程式的讀取上限：不讀取</translation>
    </message>
    <message>
        <source>ignored ({why}): {snippet}</source>
        <translation>已忽略（{why}）：{snippet}</translation>
    </message>
    <message>
        <source>ignored: model.{method}(...) is not read</source>
        <translation>已忽略：不讀取 model.{method}(...)</translation>
    </message>
    <message>
        <source>Keras 1 Merge of Sequential models: read as a functional model with one input per branch model (keras.Model([input_1, input_2], ...) in Keras 3)</source>
        <translation>Keras 1 中合併 Sequential 模型的 Merge：按函數式模型讀取，每個分支模型一個輸入（Keras 3 中為 keras.Model([input_1, input_2], ...)）</translation>
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
        <translation>讀取程式碼超過 {seconds:g} 秒：從這裡起的程式碼不再讀取</translation>
    </message>
    <message>
        <source>more than {layers:,} layers: the explorer reads at most {layers:,}; the code from here on is not read</source>
        <translation>超過 {layers:,} 層：本應用程式最多讀取 {layers:,} 層；從這裡起的程式碼不再讀取</translation>
    </message>
    <message>
        <source>more than {models:,} models: the explorer reads at most {models:,}; the code from here on is not read</source>
        <translation>超過 {models:,} 個模型：本應用程式最多讀取 {models:,} 個；從這裡起的程式碼不再讀取</translation>
    </message>
    <message>
        <source>not run: `{snippet}` is code, not a Keras layer; pasted code is only read, never executed</source>
        <translation>未執行：`{snippet}` 是程式碼，不是 Keras 層；貼上的程式碼只被讀取，從不執行</translation>
    </message>
    <message>
        <source>more than {count:,} function calls: {name}() is not followed</source>
        <translation>函式呼叫超過 {count:,} 次：不追蹤 {name}()</translation>
    </message>
    <message>
        <source>{name}() calls functions more than {MAX_CALL_DEPTH} deep: not followed further</source>
        <translation>{name}() 的函式呼叫超過 {MAX_CALL_DEPTH} 層：不再繼續追蹤</translation>
    </message>
    <message>
        <source>the comprehension has {count:,} passes, more than the {limit:,} the explorer unrolls: it is not read</source>
        <translation>該推導式要執行 {count:,} 次，超過本應用程式展開的上限 {limit:,}：不讀取</translation>
    </message>
    <message>
        <source>calling a functional model on a tensor is not followed; the model is read on its own</source>
        <translation>不追蹤在張量上呼叫函數式模型；該模型單獨讀取</translation>
    </message>
    <message>
        <source>Keras names are case-sensitive: `{name}` should be written `{match}`</source>
        <translation>Keras 名稱區分大小寫：`{name}` 應寫作 `{match}`</translation>
    </message>
    <message>
        <source>a functional model inside a Sequential model is not followed; skipped</source>
        <translation>不追蹤 Sequential 模型中的函數式模型；已略過</translation>
    </message>
    <message>
        <source>an input shape after the first layer is ignored (Keras takes the input shape of the first layer only)</source>
        <translation>第一層之後的輸入形狀被忽略（Keras 只採用第一層的輸入形狀）</translation>
    </message>
    <message>
        <source>Model(...) without outputs: subclassed models are not read</source>
        <translation>Model(...) 沒有 outputs：不讀取子類別化的模型</translation>
    </message>
    <message>
        <source>the outputs `{snippet}` are not a chain of layers from keras.Input: skipped</source>
        <translation>輸出 `{snippet}` 不是從 keras.Input 開始的一串層：已略過</translation>
    </message>
    <message>
        <source>a layer is called on `{text}`, which is not a keras.Input: its input shape is unknown</source>
        <translation>某層在 `{text}` 上呼叫，它不是 keras.Input：輸入形狀未知</translation>
    </message>
    <message>
        <source>{cls}(...) without a literal shape: pass --input-shape</source>
        <translation>{cls}(...) 沒有字面值形狀：請傳入 --input-shape</translation>
    </message>
    <message>
        <source>{cls}: the shape `{text}` is not a literal ({reason}); pass --input-shape</source>
        <translation>{cls}：形狀 `{text}` 不是字面值（{reason}）；請傳入 --input-shape</translation>
    </message>
    <message>
        <source>Keras 1 {cls}(mode={mode}) has no Keras 3 layer the explorer reads</source>
        <translation>Keras 1 的 {cls}(mode={mode}) 沒有本應用程式能讀取的 Keras 3 層</translation>
    </message>
    <message>
        <source>{cls}: the wrapped layer `{what}` could not be read</source>
        <translation>{cls}：無法讀取被包裝的層 `{what}`</translation>
    </message>
    <message>
        <source>LeakyReLU(alpha=...) is Keras 2: Keras 3 writes negative_slope=</source>
        <translation>LeakyReLU(alpha=...) 是 Keras 2 的寫法：Keras 3 寫作 negative_slope=</translation>
    </message>
    <message>
        <source>batch_input_shape is Keras 2; Keras 3 writes keras.Input(batch_shape=...)</source>
        <translation>batch_input_shape 是 Keras 2 的寫法；Keras 3 寫作 keras.Input(batch_shape=...)</translation>
    </message>
    <message>
        <source>input_length without input_dim: the channels are unknown</source>
        <translation>有 input_length 而沒有 input_dim：通道數未知</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>the code is nested more than {depth} levels deep at line {at}, more than the explorer reads: it is not read</source>
        <translation>程式碼在第 {at} 行巢狀超過 {depth} 層，超出本應用程式的讀取上限：不讀取</translation>
    </message>
    <message>
        <source>{count} models found: {where}; the first is shown (the CLI&apos;s --model N picks another)</source>
        <translation>找到 {count} 個模型：{where}；顯示第一個（命令列的 --model N 可選其他模型）</translation>
    </message>
    <message>
        <source>no Keras model found (no Sequential, model.add(...) or keras.Model(...))</source>
        <translation>沒有找到 Keras 模型（沒有 Sequential、model.add(...) 或 keras.Model(...)）</translation>
    </message>
    <message>
        <source>`{name}` is not created in the snippet: read as {name} = Sequential()</source>
        <translation>程式碼片段中沒有建立 `{name}`：按 {name} = Sequential() 讀取</translation>
    </message>
    <message>
        <source>the loop `for ... in {snippet}` is not over a literal list or range(n): its body is read once</source>
        <translation>迴圈 `for ... in {snippet}` 走訪的不是字面值串列或 range(n)：迴圈主體只讀取一次</translation>
    </message>
    <message>
        <source>the loop `for ... in {snippet}` has {count} passes, more than the {limit:,} the explorer unrolls: its body is read once</source>
        <translation>迴圈 `for ... in {snippet}` 要執行 {count} 次，超過本應用程式展開的上限 {limit:,}：迴圈主體只讀取一次</translation>
    </message>
    <message>
        <source>`{items}`: `{root}` is not imported in the snippet; read as keras.layers.{known}</source>
        <translation>`{items}`：程式碼片段中沒有匯入 `{root}`；按 keras.layers.{known} 讀取</translation>
    </message>
    <message>
        <source>model.add() needs a layer</source>
        <translation>model.add() 需要一個層</translation>
    </message>
    <message>
        <source>input_shape on a layer that is not the first is ignored (Keras reads it on the first layer only)</source>
        <translation>非第一層上的 input_shape 被忽略（Keras 只讀取第一層上的）</translation>
    </message>
    <message>
        <source>a layer called more than once (a shared layer): the summary shows its first call</source>
        <translation>某層被呼叫了不止一次（共用層）：摘要顯示它的第一次呼叫</translation>
    </message>
    <message>
        <source>{cls}: *args is not read</source>
        <translation>{cls}：不讀取 *args</translation>
    </message>
    <message>
        <source>{cls}: too many positional arguments; `{snippet}` ignored</source>
        <translation>{cls}：位置參數過多；已忽略 `{snippet}`</translation>
    </message>
    <message>
        <source>{cls}: **kwargs is not read</source>
        <translation>{cls}：不讀取 **kwargs</translation>
    </message>
    <message>
        <source>{cls}() got multiple values for argument &apos;{arg}&apos;; the keyword one is used</source>
        <translation>{cls}() 的參數 &apos;{arg}&apos; 有多個值；採用關鍵字參數的值</translation>
    </message>
    <message>
        <source>{cls}: unknown argument `{key}`</source>
        <translation>{cls}：未知參數 `{key}`</translation>
    </message>
    <message>
        <source>{name} is a Keras layer the explorer does not model: its output shape and the shapes after it are unknown</source>
        <translation>{name} 是本應用程式無法模擬的 Keras 層：它的輸出形狀以及其後的形狀都未知</translation>
    </message>
    <message>
        <source>--input-shape {format_shape} fills in the code&apos;s input shape {show_shape}</source>
        <translation>--input-shape {format_shape} 補齊了程式碼中的輸入形狀 {show_shape}</translation>
    </message>
    <message>
        <source>--input-shape {format_shape} replaces the code&apos;s input shape {show_shape}</source>
        <translation>--input-shape {format_shape} 取代了程式碼中的輸入形狀 {show_shape}</translation>
    </message>
    <message>
        <source>Keras 1 argument `{key}` is `{new}` in Keras 2 and 3</source>
        <translation>Keras 1 的參數 `{key}` 在 Keras 2 和 3 中是 `{new}`</translation>
    </message>
    <message>
        <source>Keras 3 ignores Embedding(input_length=...) (deprecated); it is read as keras.Input(shape=({length},))</source>
        <translation>Keras 3 忽略 Embedding(input_length=...)（已棄用）；按 keras.Input(shape=({length},)) 讀取</translation>
    </message>
    <message>
        <source>input_dim/input_length are Keras 1/2: read as keras.Input(shape=({steps}, {dim}))</source>
        <translation>input_dim/input_length 是 Keras 1/2 的寫法：按 keras.Input(shape=({steps}, {dim})) 讀取</translation>
    </message>
    <message>
        <source>{cls}: {key}=`{value}` is not read; it does not change shapes or parameter counts</source>
        <translation>{cls}：不讀取 {key}=`{value}`；它不改變形狀和參數量</translation>
    </message>
    <message>
        <source>{cls}: {key}=`{text}` is not a literal ({reason}): this layer cannot be computed</source>
        <translation>{cls}：{key}=`{text}` 不是字面值（{reason}）：無法計算這一層</translation>
    </message>
    <message>
        <source>{cls}: {key}={huge} is larger than {bound}, the largest size the explorer reads: this layer cannot be computed</source>
        <translation>{cls}：{key}={huge} 大於本應用程式能讀取的最大尺寸 {bound}：無法計算這一層</translation>
    </message>
    <message>
        <source>{legacy_class}: {key}=`{text}` is not read ({reason}); it does not change shapes or parameter counts</source>
        <translation>{legacy_class}：不讀取 {key}=`{text}`（{reason}）；它不改變形狀和參數量</translation>
    </message>
    <message>
        <source>{legacy_class}: {key}=`{text}` is not a literal ({reason}): this layer cannot be computed</source>
        <translation>{legacy_class}：{key}=`{text}` 不是字面值（{reason}）：無法計算這一層</translation>
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
        <translation>排版字元 {bad} 按 {good} 讀取</translation>
    </message>
    <message>
        <source>reading the code took more than {seconds:g} s: it is not read</source>
        <translation>讀取程式碼超過 {seconds:g} 秒：不讀取</translation>
    </message>
    <message>
        <source>the code has {count:,} characters, more than the {source_chars:,} the explorer reads: it is not read</source>
        <translation>程式碼有 {count:,} 個字元，超過本應用程式讀取的上限 {source_chars:,}：不讀取</translation>
    </message>
    <message>
        <source>more than {models:,} models: the explorer reads at most {models:,}; the ones from line {at} on are not read</source>
        <translation>超過 {models:,} 個模型：本應用程式最多讀取 {models:,} 個；從第 {at} 行起的模型不再讀取</translation>
    </message>
    <message>
        <source>the file is larger than {limit:,} bytes, more than the explorer reads: it is not read</source>
        <translation>檔案大於 {limit:,} 位元組，超出本應用程式的讀取上限：不讀取</translation>
    </message>
    <message>
        <source>more than {diagnostics:,} remarks: the ones from line {at} on are not listed</source>
        <translation>提示超過 {diagnostics:,} 則：從第 {at} 行起的提示不再列出</translation>
    </message>
    <message>
        <source>model.add() got a tensor, not a layer; skipped</source>
        <translation>model.add() 收到的是張量而不是層；已略過</translation>
    </message>
    <message>
        <source>Sequential(...) got something other than a list of layers; skipped</source>
        <translation>Sequential(...) 收到的不是層的串列；已略過</translation>
    </message>
    <message>
        <source>Python writes `{capitalize}`, not `{id}`: read as {capitalize}</source>
        <translation>Python 寫作 `{capitalize}` 而不是 `{id}`：按 {capitalize} 讀取</translation>
    </message>
    <message>
        <source>{cls}: the shape part `{text}` is not a literal ({reason}); pass --input-shape</source>
        <translation>{cls}：形狀中的 `{text}` 不是字面值（{reason}）；請傳入 --input-shape</translation>
    </message>
    <message>
        <source>unknown layer `{full}` (did you mean {guess}?): kept as an unknown layer; the shapes after it are unknown</source>
        <translation>未知層 `{full}`（是不是想寫 {guess}？）：保留為未知層；其後的形狀未知</translation>
    </message>
    <message>
        <source>unknown layer `{full}`: kept as an unknown layer; the shapes after it are unknown</source>
        <translation>未知層 `{full}`：保留為未知層；其後的形狀未知</translation>
    </message>
    <message>
        <source>Keras 1 argument `{key}` has no Keras 3 counterpart; ignored</source>
        <translation>Keras 1 的參數 `{key}` 在 Keras 3 中沒有對應參數；已忽略</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}` (did you mean `{guess}`?); ignored. Keras 3 raises: Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</source>
        <translation>{cls} 收到未知參數 `{key}`（是不是想寫 `{guess}`？）；已忽略。Keras 3 會報錯：Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}`; ignored. Keras 3 raises: Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</source>
        <translation>{cls} 收到未知參數 `{key}`；已忽略。Keras 3 會報錯：Unrecognized keyword arguments passed to {cls}: {{&apos;{key}&apos;: {value}}}</translation>
    </message>
    <message>
        <source>{cls}: {key}=`{text}` is not read ({reason}); it does not change shapes or parameter counts</source>
        <translation>{cls}：不讀取 {key}=`{text}`（{reason}）；它不改變形狀和參數量</translation>
    </message>
    <message>
        <source>Embedding: input_dim=`{text}` is not a literal ({reason}): its parameter count is unknown; the shapes are not affected</source>
        <translation>Embedding：input_dim=`{text}` 不是字面值（{reason}）：它的參數量未知；形狀不受影響</translation>
    </message>
    <message>
        <source>{cls}: activation=`{text}` is not read ({reason}); computed as linear</source>
        <translation>{cls}：不讀取 activation=`{text}`（{reason}）；按 linear 計算</translation>
    </message>
    <message>
        <source>activation={items} read as activation=&apos;{attr}&apos;</source>
        <translation>activation={items} 按 activation=&apos;{attr}&apos; 讀取</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}` (did you mean `{guess}`?); ignored</source>
        <translation>{cls} 收到未知參數 `{key}`（是不是想寫 `{guess}`？）；已忽略</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{key}`; ignored</source>
        <translation>{cls} 收到未知參數 `{key}`；已忽略</translation>
    </message>
    <message>
        <source>not Python ({msg}): the line is skipped: {items}</source>
        <translation>不是 Python（{msg}）：略過這一行：{items}</translation>
    </message>
    <message>
        <source>cannot read the code: {exc}</source>
        <translation>無法讀取程式碼：{exc}</translation>
    </message>
    <message>
        <source>the code is nested too deeply for Python&apos;s parser (brackets, operators or signs inside each other): it is not read</source>
        <translation>程式碼巢狀太深，Python 的剖析器無法處理（括號、運算子或符號層層相套）：不讀取</translation>
    </message>
    <message>
        <source>`{text}` is not defined in the snippet: kept as an unknown layer; the shapes after it are unknown</source>
        <translation>程式碼片段中沒有定義 `{text}`：保留為未知層；其後的形狀未知</translation>
    </message>
    <message>
        <source>{cls} got an unknown argument `{arg}`; ignored</source>
        <translation>{cls} 收到未知參數 `{arg}`；已忽略</translation>
    </message>
    <message>
        <source>`{text}` is not defined in the snippet; skipped: the input shape (--input-shape) then describes what it outputs</source>
        <translation>程式碼片段中沒有定義 `{text}`；已略過：此時輸入形狀（--input-shape）表示的是它的輸出</translation>
    </message>
    <message>
        <source>`{text}` is not a Keras layer the explorer can read: kept as an unknown layer; the shapes after it are unknown</source>
        <translation>`{text}` 不是本應用程式能讀取的 Keras 層：保留為未知層；其後的形狀未知</translation>
    </message>
    <message>
        <source>the else branch of the `if` at line {lineno} was not read (conditions are not evaluated)</source>
        <translation>第 {lineno} 行 `if` 的 else 分支未讀取（不對條件求值）</translation>
    </message>
    <message>
        <source>the code gives no input shape: pass --input-shape STEPS,CHANNELS, or start the model with keras.Input(shape=(steps, channels))</source>
        <translation>程式碼沒有給出輸入形狀：請傳入 --input-shape STEPS,CHANNELS，或用 keras.Input(shape=(steps, channels)) 開始模型</translation>
    </message>
    <message>
        <source>the input shape {show_shape} is not all literal ({reasons}): pass --input-shape STEPS,CHANNELS</source>
        <translation>輸入形狀 {show_shape} 不全是字面值（{reasons}）：請傳入 --input-shape STEPS,CHANNELS</translation>
    </message>
    <message>
        <source>the model starts with an Embedding, which takes token ids (batch, steps): using steps={shape} from the input shape; the channels come from output_dim={output_dim}, not {shape2}</source>
        <translation>模型以 Embedding 開始，它接收詞 id (batch, steps)：採用輸入形狀中的 steps={shape}；通道數來自 output_dim={output_dim}，而不是 {shape2}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Conv1D needs 3 axes: (batch, steps, channels). A single sequence of {steps} values is one sample with one channel: {fix}.</source>
        <translation>Conv1D 需要 3 個軸：(批次, 步數, 通道)。一條有 {steps} 個值的序列就是一個樣本、一個通道：{fix}。</translation>
    </message>
    <message>
        <source>{name}={value} is outside the app&apos;s range 1..{limit}: choose a value in that range.</source>
        <translation>{name}={value} 超出本應用程式的範圍 1..{limit}：請在此範圍內取值。</translation>
    </message>
    <message>
        <source>This is over the app&apos;s size limits: choose fewer filters or a smaller input.</source>
        <translation>超出了本應用程式的規模上限：請減少過濾器或縮小輸入。</translation>
    </message>
    <message>
        <source>Keras cannot skip steps and spread the kernel at the same time: set strides=1 or dilation_rate=1.</source>
        <translation>Keras 不能同時跳步（步長）和撐開卷積核（膨脹率）：請設 strides=1 或 dilation_rate=1。</translation>
    </message>
    <message>
        <source>Each group gets filters/groups kernels: choose filters as a multiple of {groups} or change groups.</source>
        <translation>每組分到 filters/groups 個卷積核：請把 filters 設為 {groups} 的倍數，或修改 groups。</translation>
    </message>
    <message>
        <source>Each group sees channels/groups input channels: use a groups value that divides {channels}, or change the channels.</source>
        <translation>每組看到 channels/groups 個輸入通道：請讓 groups 能整除 {channels}，或修改通道數。</translation>
    </message>
    <message>
        <source>groups=1 is an ordinary convolution; use a whole number of 1 or more.</source>
        <translation>groups=1 就是一般卷積；請用 1 或更大的整數。</translation>
    </message>
    <message>
        <source>{name} must be at least 1.</source>
        <translation>{name} 至少為 1。</translation>
    </message>
    <message>
        <source>{name} must be a whole number such as 1, 2 or 3.</source>
        <translation>{name} 必須是整數，例如 1、2 或 3。</translation>
    </message>
    <message>
        <source>A 1-D layer takes a single number for {name}, e.g. {name}=3.</source>
        <translation>一維層的 {name} 只取一個數，例如 {name}=3。</translation>
    </message>
    <message>
        <source>With padding=&apos;valid&apos; the input needs at least {keff} steps (the dilated kernel spans {keff}), but it has {steps}: lengthen the input, shrink kernel_size or dilation_rate, or use padding=&apos;same&apos;.</source>
        <translation>使用 padding=&apos;valid&apos; 時，輸入至少需要 {keff} 步（膨脹後的卷積核跨 {keff} 步），但只有 {steps} 步：請加長輸入、減小 kernel_size 或 dilation_rate，或改用 padding=&apos;same&apos;。</translation>
    </message>
    <message>
        <source>With padding=&apos;valid&apos; this layer needs at least {keff} input steps (its dilated kernel spans {keff}) but receives {steps}: use padding=&apos;same&apos;, a smaller kernel_size, strides or pool_size earlier, or a longer input.</source>
        <translation>使用 padding=&apos;valid&apos; 時，這一層至少需要 {keff} 個輸入步（膨脹後的卷積核跨 {keff} 步），但只收到 {steps} 步：請改用 padding=&apos;same&apos;、減小 kernel_size、減小前面各層的 strides 或 pool_size，或加長輸入。</translation>
    </message>
    <message>
        <source>This layer needs 3 axes, (batch, steps, channels), but it receives a 2-D {shape}. If it comes from the input, give a channel axis (input shape ({steps}, 1), data x.reshape(n, {steps}, 1)); if it comes from Flatten, GlobalMaxPooling1D, Dense or an RNN without return_sequences=True, the steps axis is already gone: move this layer before it.</source>
        <translation>這一層需要 3 個軸 (批次, 步數, 通道)，但收到的是二維的 {shape}。如果它來自輸入，請加上通道軸（輸入形狀 ({steps}, 1)，資料 x.reshape(n, {steps}, 1)）；如果它來自 Flatten、GlobalMaxPooling1D、Dense 或沒有 return_sequences=True 的 RNN，步數軸已經不存在了：請把這一層移到它前面。</translation>
    </message>
    <message>
        <source>This layer needs 3 axes: (batch, steps, channels).</source>
        <translation>這一層需要 3 個軸：(批次, 步數, 通道)。</translation>
    </message>
    <message>
        <source>A 1-D layer takes (batch, steps, channels); this input has an extra axis.</source>
        <translation>一維層接受 (批次, 步數, 通道)；這個輸入多了一個軸。</translation>
    </message>
    <message>
        <source>The input has {found} axes (the batch included).</source>
        <translation>輸入有 {found} 個軸（包括批次軸）。</translation>
    </message>
    <message>
        <source>Its output shape and parameters are unknown, and so are those of the layers after it.</source>
        <translation>它的輸出形狀和參數量都是未知的，它後面各層的也一樣。</translation>
    </message>
    <message>
        <source>Write {key} as a number or string, or define it earlier in the snippet (e.g. {key} = ...).</source>
        <translation>請把 {key} 寫成數字或字串，或在程式碼片段的前面定義它（例如 {key} = ...）。</translation>
    </message>
    <message>
        <source>Conv1D needs 3 axes: (batch, steps, channels). Your array {shape} has no channel axis; if it is (batch, steps) = ({batch}, {steps}) with one value per step, add the axis: {fix}. Keras 2 said: “expected conv1d_1_input to have 3 dimensions, but got array with shape {shape}”. A Keras 3 model built with Input(({steps}, 1)) adds the axis silently; calling the layer directly does not.</source>
        <translation>Conv1D 需要 3 個軸：(批次, 步數, 通道)。你的陣列 {shape} 沒有通道軸；如果它是 (批次, 步數) = ({batch}, {steps})、每步一個值，就加上這個軸：{fix}。Keras 2 的錯誤訊息是：「expected conv1d_1_input to have 3 dimensions, but got array with shape {shape}」。在 Keras 3 中，用 Input(({steps}, 1)) 建立的模型會默默加上這個軸；直接呼叫層則不會。</translation>
    </message>
    <message>
        <source>Write {key} as a number or string.</source>
        <translation>請把 {key} 寫成數字或字串。</translation>
    </message>
    <message>
        <source>Give {names}, e.g. {example}.</source>
        <translation>請給出 {names}，例如 {example}。</translation>
    </message>
    <message>
        <source>filters is how many different kernels slide over the input (the number of output channels, the rows of the diagram): use 1 or more.</source>
        <translation>filters 是在輸入上滑動的不同卷積核（過濾器）的個數，也就是輸出的通道數（圖示中的列數）：請設為 1 或更大。</translation>
    </message>
    <message>
        <source>Conv1D takes (batch, steps, channels); a 4-D array needs Conv2D, or drop the extra axis with reshape.</source>
        <translation>Conv1D 接受 (批次, 步數, 通道)；四維陣列需要 Conv2D，或用 reshape 去掉多餘的軸。</translation>
    </message>
    <message>
        <source>Conv1DTranspose needs (batch, steps, channels).</source>
        <translation>Conv1DTranspose 需要 (批次, 步數, 通道)。</translation>
    </message>
    <message>
        <source>Use &apos;channels_last&apos; for (batch, steps, channels) or &apos;channels_first&apos; for (batch, channels, steps).</source>
        <translation>(批次, 步數, 通道) 請用 &apos;channels_last&apos;，(批次, 通道, 步數) 請用 &apos;channels_first&apos;。</translation>
    </message>
    <message>
        <source>Use one of: {names} (or None for no activation).</source>
        <translation>請使用以下之一：{names}（或用 None 表示不使用激活函數）。</translation>
    </message>
    <message>
        <source>Choose one of {names}.</source>
        <translation>請從 {names} 中選擇一個。</translation>
    </message>
    <message>
        <source>&apos;full&apos; was a Keras 1 border_mode; Keras 3 has no such padding. Emulate it with ZeroPadding1D(k_eff - 1) followed by padding=&apos;valid&apos;.</source>
        <translation>&apos;full&apos; 是 Keras 1 的 border_mode；Keras 3 沒有這種填充。可用 ZeroPadding1D(k_eff - 1) 再接 padding=&apos;valid&apos; 來模擬。</translation>
    </message>
    <message>
        <source>&apos;causal&apos; exists only for Conv1D; pooling layers accept &apos;valid&apos; or &apos;same&apos;.</source>
        <translation>&apos;causal&apos; 只用於 Conv1D；池化層只接受 &apos;valid&apos; 或 &apos;same&apos;。</translation>
    </message>
    <message>
        <source>Keras 3 takes padding as a word, not a list of numbers: use &apos;valid&apos;, &apos;same&apos; or &apos;causal&apos;, or add a ZeroPadding1D layer for explicit amounts.</source>
        <translation>Keras 3 的 padding 是一個詞，不是數字清單：請用 &apos;valid&apos;、&apos;same&apos; 或 &apos;causal&apos;；要指定補零個數，請加一個 ZeroPadding1D 層。</translation>
    </message>
    <message>
        <source>Keras stores a Conv1D kernel as (kernel_size, input channels / groups, filters); a PyTorch weight (filters, channels / groups, kernel_size) converts with weight.transpose(2, 1, 0).</source>
        <translation>Keras 把 Conv1D 卷積核存為 (kernel_size, 輸入通道數 / groups, filters)；PyTorch 的權重 (filters, 通道數 / groups, kernel_size) 用 weight.transpose(2, 1, 0) 轉換。</translation>
    </message>
    <message>
        <source>There is one bias per filter.</source>
        <translation>每個過濾器有一個偏置。</translation>
    </message>
    <message>
        <source>A Keras 1 weight of shape (k, 1, C, F) converts with W[:, 0].</source>
        <translation>形狀為 (k, 1, C, F) 的 Keras 1 權重用 W[:, 0] 轉換。</translation>
    </message>
    <message>
        <source>Convolution here works on real values only.</source>
        <translation>這裡的卷積只支援實數。</translation>
    </message>
    <message>
        <source>Give {name} as numbers (a NumPy array or nested lists of numbers).</source>
        <translation>請以數字形式給出 {name}（NumPy 陣列或巢狀的數字清單）。</translation>
    </message>
    <message>
        <source>Remove the arguments Conv1D does not know: {names}.</source>
        <translation>請刪除 Conv1D 不認得的參數：{names}。</translation>
    </message>
    <message>
        <source>output_padding adds at most strides - 1 steps at the end: lower it.</source>
        <translation>output_padding 最多在末尾加 strides - 1 步：請調小。</translation>
    </message>
    <message>
        <source>The matrix is built for one input length and channel count: rebuild it for this array.</source>
        <translation>矩陣是按一種輸入長度和通道數建構的：請為這個陣列重新建構矩陣。</translation>
    </message>
    <message>
        <source>nb_filter and filter_length are Keras 1 names: write filters=... and kernel_size=... .</source>
        <translation>nb_filter 和 filter_length 是 Keras 1 的名稱：請寫成 filters=... 和 kernel_size=... 。</translation>
    </message>
    <message>
        <source>Keras 1 border_mode was &apos;valid&apos;, &apos;same&apos; or (Convolution1D only) &apos;full&apos;.</source>
        <translation>Keras 1 的 border_mode 可以是 &apos;valid&apos;、&apos;same&apos; 或（僅 Convolution1D）&apos;full&apos;。</translation>
    </message>
    <message>
        <source>{legacy} is the Keras 1 name of {modern}: give only one of them.</source>
        <translation>{legacy} 是 {modern} 在 Keras 1 中的名稱：只能給其中一個。</translation>
    </message>
    <message>
        <source>Give {argument}=... (a Keras 1 argument this layer needs).</source>
        <translation>請給出 {argument}=...（這一層需要的 Keras 1 參數）。</translation>
    </message>
    <message>
        <source>Supported Keras 1 layers: {names}.</source>
        <translation>支援的 Keras 1 層：{names}。</translation>
    </message>
    <message>
        <source>Keras 1 ran Convolution1D as a Conv2D over (steps, 1): the kernel is (filter_length, 1, input_dim, nb_filter). A Keras 1.1 &apos;th&apos; kernel (nb_filter, input_dim, filter_length, 1) converts first with np.transpose(W, (2, 3, 1, 0)).</source>
        <translation>Keras 1 把 Convolution1D 當作在 (steps, 1) 上的 Conv2D 來執行：卷積核是 (filter_length, 1, input_dim, nb_filter)。Keras 1.1 的 &apos;th&apos; 卷積核 (nb_filter, input_dim, filter_length, 1) 要先用 np.transpose(W, (2, 3, 1, 0)) 轉換。</translation>
    </message>
    <message>
        <source>Supported layers: {names}.</source>
        <translation>支援的層：{names}。</translation>
    </message>
    <message>
        <source>{name} is a whole number of steps: use 1 or more.</source>
        <translation>{name} 是整數步數：請用 1 或更大。</translation>
    </message>
    <message>
        <source>A kernel needs kernel_size, channels // groups and filters of at least 1 (3 axes).</source>
        <translation>卷積核需要 3 個軸：kernel_size、channels // groups 和 filters 都至少為 1。</translation>
    </message>
    <message>
        <source>A difference compares two steps: set kernel_size to 2 or more.</source>
        <translation>差分比較兩步：請把 kernel_size 設為 2 或更大。</translation>
    </message>
    <message>
        <source>Use a whole number such as 0 or 42 as the seed.</source>
        <translation>請用整數作為種子，例如 0 或 42。</translation>
    </message>
    <message>
        <source>Set {name} to a number between {low} and {high}.</source>
        <translation>請把 {name} 設為 {low} 到 {high} 之間的數。</translation>
    </message>
    <message>
        <source>AveragePooling1D has no default window in Keras 3: give pool_size, e.g. pool_size=2.</source>
        <translation>Keras 3 的 AveragePooling1D 沒有預設視窗：請給出 pool_size，例如 pool_size=2。</translation>
    </message>
    <message>
        <source>Pooling needs 3 axes: (batch, steps, channels).</source>
        <translation>池化需要 3 個軸：(批次, 步數, 通道)。</translation>
    </message>
    <message>
        <source>Add the channel axis with {fix}.</source>
        <translation>用 {fix} 加上通道軸。</translation>
    </message>
    <message>
        <source>Leave dilation_rate at 1 for a pooling layer.</source>
        <translation>池化層的 dilation_rate 請保持為 1。</translation>
    </message>
    <message>
        <source>&apos;causal&apos; exists only for Conv1D; pooling takes &apos;valid&apos; or &apos;same&apos;.</source>
        <translation>&apos;causal&apos; 只用於 Conv1D；池化只接受 &apos;valid&apos; 或 &apos;same&apos;。</translation>
    </message>
    <message>
        <source>Use &apos;max&apos; or &apos;average&apos;.</source>
        <translation>請用 &apos;max&apos; 或 &apos;average&apos;。</translation>
    </message>
    <message>
        <source>strides is how far the pooling window moves each step: use 1 or more (or None for strides = pool_size).</source>
        <translation>strides 是池化視窗每次移動的距離（步長）：請用 1 或更大（或用 None 表示 strides = pool_size）。</translation>
    </message>
    <message>
        <source>Add at least one layer.</source>
        <translation>請至少新增一層。</translation>
    </message>
    <message>
        <source>Give the number of input steps, 1 or more.</source>
        <translation>請給出輸入的步數，至少為 1。</translation>
    </message>
    <message>
        <source>Layer {layer} needs at least {keff} input steps: lengthen the input, use padding=&apos;same&apos;, or shrink the kernels or strides before it.</source>
        <translation>第 {layer} 層至少需要 {keff} 個輸入步：請加長輸入、改用 padding=&apos;same&apos;，或減小它前面各層的卷積核或步長。</translation>
    </message>
    <message>
        <source>Use &apos;conv&apos;, &apos;max_pool&apos; or &apos;average_pool&apos;.</source>
        <translation>請用 &apos;conv&apos;、&apos;max_pool&apos; 或 &apos;average_pool&apos;。</translation>
    </message>
    <message>
        <source>The last axis of this layer&apos;s input is unknown (None), so its weights have no size: give the steps in the input shape, or use GlobalMaxPooling1D instead of Flatten.</source>
        <translation>這一層輸入的最後一個軸未知（None），所以它的權重沒有確定的大小：請在輸入形狀中給出步數，或用 GlobalMaxPooling1D 代替 Flatten。</translation>
    </message>
    <message>
        <source>Give units as a whole number of 1 or more.</source>
        <translation>units 請給 1 或更大的整數。</translation>
    </message>
    <message>
        <source>Conv1D takes (batch, steps, channels). An Embedding on an input that already has channels adds a 4th axis: give the Embedding a 2-D input (batch, steps) of token ids.</source>
        <translation>Conv1D 接受 (批次, 步數, 通道)。在已有通道的輸入上使用 Embedding 會多出第 4 個軸：請給 Embedding 一個由詞 id 組成的二維輸入 (批次, 步數)。</translation>
    </message>
    <message>
        <source>The pooling window ({pool_size}) is longer than its input ({steps} steps): use a smaller pool_size, padding=&apos;same&apos;, or fewer downsampling layers before it.</source>
        <translation>池化視窗（{pool_size}）比它的輸入（{steps} 步）還長：請減小 pool_size、改用 padding=&apos;same&apos;，或減少它前面的降採樣層。</translation>
    </message>
    <message>
        <source>input_dim is the vocabulary size and output_dim the length of each word vector: both are whole numbers of 1 or more.</source>
        <translation>input_dim 是詞彙表大小，output_dim 是每個詞向量的長度：兩者都是 1 或更大的整數。</translation>
    </message>
    <message>
        <source>rate is the fraction of values dropped during training, e.g. 0.2.</source>
        <translation>rate 是訓練時丟棄的數值所佔的比例，例如 0.2。</translation>
    </message>
    <message>
        <source>ZeroPadding1D takes a number of zeros for both ends, or (left, right).</source>
        <translation>ZeroPadding1D 接受一個數（兩端各補這麼多個零），或 (left, right)。</translation>
    </message>
    <message>
        <source>axis is the feature axis to normalise, -1 (the channels) almost always.</source>
        <translation>axis 是要正規化的特徵軸，幾乎總是 -1（通道）。</translation>
    </message>
    <message>
        <source>Pass this layer&apos;s weights as weights[&apos;&lt;layer name&gt;&apos;] = (kernel, bias).</source>
        <translation>請以 weights[&apos;&lt;層名&gt;&apos;] = (kernel, bias) 傳入這一層的權重。</translation>
    </message>
    <message>
        <source>Give whole numbers for steps and channels; only the batch may be None.</source>
        <translation>steps 和 channels 請給整數；只有批次可以是 None。</translation>
    </message>
    <message>
        <source>Use &apos;keras&apos;, &apos;torch&apos; or &apos;legacy&apos;.</source>
        <translation>請用 &apos;keras&apos;、&apos;torch&apos; 或 &apos;legacy&apos;。</translation>
    </message>
    <message>
        <source>{name} needs {expected_ndim} axes, but its shape is {shape}.</source>
        <translation>{name} 需要 {expected_ndim} 個軸，但它的形狀是 {shape}。</translation>
    </message>
    <message>
        <source>Filters are numbered 0 to {last}.</source>
        <translation>過濾器的編號是 0 到 {last}。</translation>
    </message>
    <message>
        <source>This value has the wrong type: use the control&apos;s choices.</source>
        <translation>這個值的型別不對：請使用控制項提供的選項。</translation>
    </message>
    <message>
        <source>b: sample  t: output step  f: filter  j: kernel position  c: channel</source>
        <translation>b：樣本序號&#x3000;t：輸出步&#x3000;f：過濾器&#x3000;j：卷積核位置&#x3000;c：通道</translation>
    </message>
    <message>
        <source>showing the last valid setting</source>
        <translation>顯示的是上一個有效設定</translation>
    </message>
    <message>
        <source>showing the last valid setting: {settings}</source>
        <translation>顯示的是上一個有效設定：{settings}</translation>
    </message>
</context>
<context>
    <name>stack</name>
    <message>
        <source>activation &apos;{act}&apos; is not computed by the explorer (shapes and parameters are unaffected)</source>
        <translation>本應用程式不計算激活函數 &apos;{act}&apos;（形狀和參數不受影響）</translation>
    </message>
    <message>
        <source>Embedding on a 3-D input adds a 4th axis: an Embedding expects token ids (batch, steps)</source>
        <translation>三維輸入上的 Embedding 會增加第 4 個軸：Embedding 接收的是詞 id (batch, steps)</translation>
    </message>
    <message>
        <source>Dense on a {ndim}-D input acts on the last axis only, step by step: output {shape}. Put Flatten or GlobalMaxPooling1D before it for one output per sample</source>
        <translation>{ndim} 維輸入上的 Dense 只作用於最後一個軸，逐步計算：輸出 {shape}。要每個樣本一個輸出，請在它前面加 Flatten 或 GlobalMaxPooling1D</translation>
    </message>
    <message>
        <source>Flatten of an input with None steps has an unknown size: a Dense layer after it cannot be built (use GlobalMaxPooling1D, or give the steps)</source>
        <translation>步數為 None 的輸入經 Flatten 後大小未知：其後的 Dense 層無法建構（請用 GlobalMaxPooling1D，或給出步數）</translation>
    </message>
    <message>
        <source>the branches merged here see different input spans ({parts}): the receptive field is their union</source>
        <translation>在此合併的各分支看到的輸入範圍不同（{parts}）：感受野取它們的聯集</translation>
    </message>
</context>
<context>
    <name>stack_view</name>
    <message>
        <source>Embedding → Dropout → Conv1D on 50 words × 300 dims</source>
        <translation>Embedding → Dropout → Conv1D，50 個詞 × 300 維</translation>
    </message>
    <message>
        <source>IMDB: Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense</source>
        <translation>IMDB：Embedding → Conv1D → MaxPooling1D → Conv1D → GlobalMaxPooling1D → Dense</translation>
    </message>
    <message>
        <source>Conv1D → MaxPooling1D → Conv1D → GRU on (None, 14)</source>
        <translation>Conv1D → MaxPooling1D → Conv1D → GRU，輸入 (None, 14)</translation>
    </message>
    <message>
        <source>WaveNet: causal Conv1D, dilation 1, 2, 4, 8 (receptive field 16)</source>
        <translation>WaveNet：因果 Conv1D，膨脹率 1、2、4、8（感受野 16）</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>Layer stack: {layers}, input {shape}</source>
        <translation>層堆疊：{layers}，輸入 {shape}</translation>
    </message>
    <message>
        <source>Receptive field of output step {t} of {layer}, back to the input</source>
        <translation>{layer} 輸出步 {t} 的感受野，一直追溯到輸入</translation>
    </message>
</context>
</TS>
